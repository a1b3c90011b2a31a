import type { CommandContext } from '../cli/context.js';
import { durationOption } from '../duration.js';
import { verboseLogger } from '../http/client-options.js';
import { describeError } from '../output/describe-error.js';
import { sanitize } from '../output/sanitize.js';
import { connectInstana } from '../vendors/instana/client.js';
import { connectLosant } from '../vendors/losant/client.js';
import { builtInPolicy } from './built-in-policy.js';
import { createRequestGate, type RequestGate } from './gate.js';
import { countExpiries, type ExpiryCounts } from './html-charts.js';
import { printAuditJson } from './json-report.js';
import { judgeTokens } from './judge.js';
import { ownerLabel } from './labels.js';
import type { AuditFormat, AuditOptions } from './options.js';
import { type AuditPlan, auditPlan } from './plan.js';
import { loadPolicy } from './policy-file.js';
import { printAuditReport } from './render.js';
import { type AuditReport, buildReport } from './report.js';
import { createWalk, newTally } from './walk.js';
import { watchWalk } from './walk-progress.js';

/**
 * Retries per request in an audit: more than a single command's, because the gate slows every
 * request down after a 429 and a long walk should ride out a burst instead of losing owners.
 */
const auditMaxRetries = 6;

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
    output.print((await import('./markdown.js')).auditMarkdown(report));
  else if (format === 'junit') output.print((await import('./junit.js')).auditJunit(report));
  else if (format === 'html') (await import('./html.js')).printAuditHtml(output, report, expiries);
  else printAuditReport(output, report, all);
}

/**
 * The audit itself: walk, judge, report, print; resolves the exit code. `runAudit` runs it on
 * the command's thread or on its own (`off-thread.ts`).
 */
export async function audit(context: CommandContext, options: AuditOptions, format: AuditFormat) {
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
