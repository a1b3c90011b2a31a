import { type Command, Option } from 'commander';
import { failOnChoices } from '../audit/severity.js';
import { execute } from './execute.js';
import { addJsonOption, collect } from './options.js';

/** `tokenkit audit`. */
export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .summary('Report expired, expiring, inactive, never-expiring and over-broad tokens')
    .description(
      'Audit every configured vendor and owner in one report, most urgent first.\n' +
        'Losant: your user tokens, plus --instance/--application (or LOSANT_INSTANCE_ID /\n' +
        'LOSANT_APPLICATION_ID, comma-separated). Instana: when INSTANA_API_TOKEN is set.\n' +
        'Exits 1 when a finding is at or above --fail-on, so it can gate a CI job.',
    )
    .option('--instance <id>', 'also audit this Losant instance (repeatable)', collect)
    .option('--application <id>', 'also audit this Losant application (repeatable)', collect)
    .option('--expiring-within <duration>', 'report tokens that expire within this long', '30d')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe')
        .choices(failOnChoices)
        .default('high'),
    );
  addJsonOption(audit);
  audit.addHelpText(
    'after',
    '\nSeverities: critical (over-broad and never expires), high (expired but active, expiring\n' +
      'within 7 days, over-broad), medium (expiring, never expires), low (inactive leftovers).\n\n' +
      'Example (CI):\n  $ tokenkit audit --application "$LOSANT_APPLICATION_ID" --expiring-within 14d --fail-on high',
  );
  audit.action((_options, command: Command) =>
    execute(command, undefined, async (context) =>
      (await import('../actions/audit.js')).runAudit(context, command.opts()),
    ),
  );
}
