import { auditTokens } from '../audit/audit.js';
import { collectTokens } from '../audit/collect.js';
import { type AuditScopeOptions, auditPlan } from '../audit/plan.js';
import { printAuditReport } from '../audit/render.js';
import { buildReport } from '../audit/report.js';
import type { FailOn } from '../audit/severity.js';
import type { CommandContext } from '../commands/context.js';
import { durationOption } from '../duration.js';
import { ExitCode } from '../exit-codes.js';
import { connectInstana } from '../instana/client.js';
import { connectLosant } from '../losant/client.js';
import { describeError } from '../output/describe-error.js';

/** Options of `tokenkit audit`. */
export interface AuditOptions extends AuditScopeOptions {
  expiringWithin: string;
  failOn: FailOn;
  json?: boolean;
}

/**
 * `tokenkit audit`: every configured vendor and owner in one report. Exits 1 when a finding
 * reaches `--fail-on`; when an owner could not be read, exits with that error's code (an
 * incomplete audit must not pass a CI gate).
 */
export async function runAudit(context: CommandContext, options: AuditOptions): Promise<number> {
  const expiringWithinMs = durationOption('--expiring-within', options.expiringWithin);
  const plan = auditPlan(context.env, options);
  const { output } = context;
  if (plan.losant) output.addSecret(plan.losant.credentials.accessToken);
  if (plan.instana) output.addSecret(plan.instana.credentials.apiToken);

  const [losant, instana] = await Promise.all([
    plan.losant ? connectLosant(plan.losant.credentials, context) : undefined,
    plan.instana ? connectInstana(plan.instana.credentials, context) : undefined,
  ]);
  const sources = await collectTokens({
    ...(losant && plan.losant ? { losant: { client: losant, owners: plan.losant.owners } } : {}),
    ...(instana ? { instana: { client: instana.client } } : {}),
  });
  const now = context.now();
  const findings = auditTokens(
    sources.flatMap((source) => source.tokens),
    { now, expiringWithinMs },
  );
  const report = buildReport({
    now,
    expiringWithin: options.expiringWithin,
    failOn: options.failOn,
    sources,
    findings,
    describe: (error, vendor) => {
      const described = describeError(error, vendor);
      return described.hint ? `${described.message} — ${described.hint}` : described.message;
    },
  });
  if (output.json) output.printJson(report);
  else printAuditReport(output, report);

  const failures = sources.filter((source) => source.error !== undefined);
  if (failures.length > 0) {
    const codes = failures.map(
      (source) => describeError(source.error, source.owner.vendor).exitCode,
    );
    return codes.includes(ExitCode.auth) ? ExitCode.auth : ExitCode.failure;
  }
  return report.failed ? ExitCode.failure : ExitCode.ok;
}
