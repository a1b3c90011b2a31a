import { createRequestGate, type RequestGate } from '../audit/gate.js';
import { countExpiries, type ExpiryCounts } from '../audit/html-charts.js';
import { printAuditJson } from '../audit/json-report.js';
import { judgeTokens } from '../audit/judge.js';
import { ownerLabel } from '../audit/labels.js';
import { type AuditPlan, type AuditScopeOptions, auditPlan } from '../audit/plan.js';
import { builtInPolicy } from '../audit/policy.js';
import { defaultPolicyFile, loadPolicy, writeStarterPolicy } from '../audit/policy-file.js';
import { printAuditReport } from '../audit/render.js';
import { type AuditReport, buildReport } from '../audit/report.js';
import type { FailOn } from '../audit/severity.js';
import { createWalk, newTally } from '../audit/walk.js';
import { watchWalk } from '../audit/walk-progress.js';
import type { CommandContext } from '../commands/context.js';
import { durationOption } from '../duration.js';
import { usageError } from '../errors.js';
import { verboseLogger } from '../http/client-options.js';
import { connectInstana } from '../instana/client.js';
import { connectLosant } from '../losant/client.js';
import { describeError } from '../output/describe-error.js';
import { sanitize } from '../output/sanitize.js';

/** The output formats of `tokenkit audit`. */
export const auditFormats = ['table', 'json', 'markdown', 'junit', 'html'] as const;

/** One of {@link auditFormats}. */
export type AuditFormat = (typeof auditFormats)[number];

/** Options of `tokenkit audit`. */
export interface AuditOptions extends AuditScopeOptions {
  expiringWithin: string;
  failOn: FailOn;
  json?: boolean | undefined;
  format?: AuditFormat | undefined;
  /** At most this many requests in flight. */
  concurrency: number;
  policy?: string | undefined;
  /** `--all`: every finding at a terminal, not a summary of a large audit. */
  all?: boolean | undefined;
  /** `--init-policy [file]`: `true` when given without a file. */
  initPolicy?: string | boolean | undefined;
}

/**
 * Retries per request in an audit: more than a single command's, because the gate slows every
 * request down after a 429 and a long walk should ride out a burst instead of losing owners.
 */
const auditMaxRetries = 6;

function formatOf(options: AuditOptions): AuditFormat {
  if (options.json && options.format !== undefined && options.format !== 'json') {
    throw usageError(`--json and --format ${options.format} disagree; give one of them`);
  }
  return options.json ? 'json' : (options.format ?? 'table');
}

/**
 * What every audit client gets: the gate's logger beside `--verbose`'s API lines, its hooks,
 * `--timeout`, and more retries. (No "waiting for" line: the progress line says it.)
 */
function clientOptions(context: CommandContext, gate: RequestGate) {
  const verbose = context.http.verbose ? verboseLogger(context.output) : undefined;
  const info = (message: string, details?: Record<string, unknown>) => {
    verbose?.info?.(message, details);
    gate.logger.info(message, details);
  };
  return {
    maxRetries: auditMaxRetries,
    ...(context.http.timeoutMs === undefined ? {} : { timeout: context.http.timeoutMs }),
    logger: { ...(verbose?.debug ? { debug: verbose.debug } : {}), info },
    hooks: gate.hooks,
  };
}

/** The judge, also counting every token's expiry month for the HTML page's chart. */
function countingExpiries(judge: Judge, expiries: ExpiryCounts): Judge {
  return (facts, tokens) => {
    countExpiries(expiries, tokens);
    return judge(facts, tokens);
  };
}

type Judge = ReturnType<typeof judgeTokens>;

async function connect(context: CommandContext, plan: AuditPlan, gate: RequestGate) {
  const options = clientOptions(context, gate);
  const [losant, instana] = await Promise.all([
    plan.losant ? connectLosant(plan.losant.credentials, undefined, options) : undefined,
    plan.instana ? connectInstana(plan.instana.credentials, undefined, options) : undefined,
  ]);
  return {
    ...(losant && plan.losant
      ? { losant: { client: losant, owners: plan.losant.owners, discover: plan.losant.discover } }
      : {}),
    ...(instana ? { instana: { client: instana.client } } : {}),
  };
}

/** Prints the report; the Markdown and JUnit writers (and the XML library) load only when asked. */
async function print(
  context: CommandContext,
  format: AuditFormat,
  report: AuditReport,
  { all, expiries }: { all: boolean; expiries: ExpiryCounts },
) {
  const { output } = context;
  for (const missing of report.notAudited.filter((entry) => entry.skipped)) {
    output.note(
      `${output.errorColor.yellow('warning:')} skipped ${ownerLabel(missing.vendor, missing.owner)}: ${sanitize(missing.reason)}`,
    );
  }
  if (format === 'json') printAuditJson(output, report);
  else if (format === 'markdown')
    output.print((await import('../audit/markdown.js')).auditMarkdown(report));
  else if (format === 'junit') output.print((await import('../audit/junit.js')).auditJunit(report));
  else if (format === 'html')
    (await import('../audit/html.js')).printAuditHtml(output, report, expiries);
  else printAuditReport(output, report, all);
}

async function audit(context: CommandContext, options: AuditOptions, format: AuditFormat) {
  const expiringWithinMs = durationOption('--expiring-within', options.expiringWithin);
  const policy = options.policy ? await loadPolicy(options.policy) : builtInPolicy;
  const plan = auditPlan(context.env, options);
  const { output } = context;
  output.addSecret(plan.losant?.credentials.accessToken);
  output.addSecret(plan.instana?.credentials.apiToken);

  const gate = createRequestGate({ concurrency: options.concurrency });
  const now = context.now();
  const sources = await connect(context, plan, gate);
  const tally = newTally();
  const judge = judgeTokens(policy, now, expiringWithinMs);
  // Only the HTML page charts every token's expiry: the other formats skip the counting.
  const expiries: ExpiryCounts = new Map();
  const watcher = watchWalk(output, tally, gate, context.http.verbose);
  const walk = createWalk({
    ...sources,
    judge: format === 'html' ? countingExpiries(judge, expiries) : judge,
    gate,
    tally,
    // Enough owners started to keep every slot of the gate busy, pages ahead included.
    ownersAtOnce: options.concurrency * 2,
    onOwnerDone: (owner) => watcher.ownerDone(owner),
  });
  const result = await walk.run().finally(() => watcher.stop());
  const report = buildReport(result, {
    now,
    expiringWithin: options.expiringWithin,
    failOn: options.failOn,
    policy: options.policy ?? null,
    orgId: plan.losant?.discover?.orgId,
    describe: describeError,
  });
  await print(context, format, report, { all: options.all === true, expiries });
  return report.exitCode;
}

/**
 * `tokenkit audit`: every configured vendor and owner in one report. Exits 1 when a finding
 * reaches `--fail-on`; when an owner could not be audited, exits with that error's code (3 for
 * 401/403, else 1) whatever `--fail-on` says: an incomplete audit must not pass a CI gate. Your
 * own user tokens, read without being asked for, are skipped with a warning when the credential
 * may not read them.
 */
export async function runAudit(context: CommandContext, options: AuditOptions): Promise<number> {
  const format = formatOf(options);
  if (options.initPolicy !== undefined && options.initPolicy !== false) {
    const file = options.initPolicy === true ? defaultPolicyFile : options.initPolicy;
    await writeStarterPolicy(file);
    context.output.note(
      `Wrote ${file}: the built-in rules, ready to edit (tokenkit audit --policy ${file})`,
    );
    return 0;
  }
  try {
    return await audit(context, options, format);
  } catch (error) {
    // A script reading --json learns why there is no report, in the shape it already reads.
    if (format === 'json') {
      const described = describeError(error);
      context.output.printJson({
        failed: true,
        exitCode: described.exitCode,
        error: described.message,
      });
    }
    throw error;
  }
}
