import { type Command, Option } from 'commander';
import { execute } from '../cli/execute.js';
import { addJsonOption, collect, integerAtLeast } from '../cli/options.js';
import { auditFormats } from './options.js';
import { failOnChoices } from './severity.js';

const failOnHelp =
  'exit 1 when a finding is at least this severe; an owner that could not be audited fails ' +
  'the run at any level, none included (exit 3 for 401/403, else 1)';

/** `tokenkit audit`. */
export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .summary('Report expired, expiring, inactive, never-expiring and over-broad tokens')
    .description(
      'Audit every configured vendor and owner in one report, most urgent first.\n' +
        'Losant: your user tokens, plus --instance/--application (or LOSANT_INSTANCE_ID /\n' +
        'LOSANT_APPLICATION_ID, comma-separated), plus every application with --all-applications.\n' +
        'Instana: when INSTANA_API_TOKEN is set.\n' +
        'Exits 1 when a finding is at or above --fail-on, so it can gate a CI job.',
    )
    .option('--instance <id>', 'also audit this Losant instance (repeatable)', collect)
    .option('--application <id>', 'also audit this Losant application (repeatable)', collect)
    .option('--all-applications', 'also audit every Losant application the token can see')
    .option('--org <id>', 'with --all-applications: only this organization’s applications')
    .addOption(
      new Option('--concurrency <n>', 'at most this many requests in flight')
        .argParser(integerAtLeast(1))
        .default(8),
    )
    .option('--expiring-within <duration>', 'report tokens that expire within this long', '30d')
    .addOption(
      new Option('--fail-on <severity>', failOnHelp).choices(failOnChoices).default('high'),
    )
    .option('--policy <file>', 'judge by the rules in this JSON policy file')
    .option(
      '--init-policy [file]',
      'write a starter policy (default tokenkit-policy.json) and exit',
    )
    .addOption(
      new Option(
        '--format <format>',
        'table, json, markdown (CI summaries), junit (test reports) or html (one page)',
      ).choices(auditFormats),
    )
    .option('--all', 'with the table: every finding, never a summary of a large audit');
  addJsonOption(audit);
  audit.addHelpText(
    'after',
    '\nSeverities (built in; --policy changes them): critical (over-broad and never expires),\n' +
      'high (expired but active, expiring within 7 days whatever --expiring-within says,\n' +
      'over-broad), medium (expiring, never expires), low (inactive leftovers).\n' +
      'Your own user tokens are read without being asked for: when the token may not read them\n' +
      '(403, e.g. an application token) they are skipped with a warning instead of failing.\n' +
      'A 429 or Retry-After slows every request down rather than failing owners.\n\n' +
      'Examples (CI):\n' +
      '  $ tokenkit audit --application "$LOSANT_APPLICATION_ID" --expiring-within 14d --fail-on high\n' +
      '  $ tokenkit audit --all-applications --policy tokenkit-policy.json --format junit > audit.xml',
  );
  audit.action((_options, command: Command) =>
    execute(command, undefined, async (context) =>
      (await import('./run-audit.js')).runAudit(context, command.opts()),
    ),
  );
}
