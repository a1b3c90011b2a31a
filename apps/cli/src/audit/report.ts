import { ExitCode } from '../exit-codes.js';
import type { ErrorReport, Vendor } from '../output/describe-error.js';
import { compareFindings, countBySeverity, failsGate } from './audit.js';
import { type OwnerJson, ownerFields } from './owner-json.js';
import type { OwnerFacts } from './owner-rules.js';
import type { FailOn, Severity } from './severity.js';
import type { Finding } from './types.js';
import type { AuditWalk, OwnerResult } from './walk.js';

/** An owner whose tokens could not be read, and why. */
export interface NotAuditedJson {
  vendor: Vendor;
  owner: OwnerJson;
  reason: string;
  /** The HTTP status, when the API answered. */
  status: number | null;
  /**
   * `true` for your own user tokens, read without being asked for, when the credential may not
   * read them (an application token answers 403): a warning, not a failure.
   */
  skipped: boolean;
}

/** The audit's result, in the stable shape `--json` prints. */
export interface AuditReport {
  generatedAt: string;
  expiringWithin: string;
  failOn: FailOn;
  /** The `--policy` file, or `null` for the built-in rules. */
  policy: string | null;
  /** Whether the run fails: always the same as `exitCode !== 0`. */
  failed: boolean;
  exitCode: ExitCode;
  /** Why the run failed when an error (not a finding) failed it. */
  error: string | null;
  summary: Record<Severity, number> & { total: number; tokens: number; notAudited: number };
  sources: { vendor: Vendor; owner: OwnerJson; tokens: number; error: string | null }[];
  notAudited: NotAuditedJson[];
  /** Built by the walk in the shape `--json` prints. */
  findings: Finding[];
}

function httpStatus(error: unknown): number | null {
  for (let cause = error; typeof cause === 'object' && cause !== null; ) {
    const { status, cause: next } = cause as { status?: unknown; cause?: unknown };
    if (typeof status === 'number') return status;
    cause = next;
  }
  return null;
}

/** What the report needs besides the walk. */
export interface ReportOptions {
  now: Date;
  expiringWithin: string;
  failOn: FailOn;
  policy: string | null;
  /** `--org`, named in the entry for a failed application listing. */
  orgId?: string | undefined;
  describe: (error: unknown, vendor: Vendor) => ErrorReport;
}

type Missing = NotAuditedJson & { code: ExitCode };

/** Every owner that could not be read, keyed by its result (the failed listing by `null`). */
function notAudited(walk: AuditWalk, options: ReportOptions): Map<OwnerResult | null, Missing> {
  const entry = (facts: OwnerFacts, implicit: boolean, error: unknown): Missing => {
    const described = options.describe(error, facts.owner.vendor);
    const status = httpStatus(error);
    return {
      ...ownerFields(facts),
      reason: described.hint ? `${described.message} — ${described.hint}` : described.message,
      status,
      skipped: implicit && status === 403,
      code: described.exitCode,
    };
  };
  const missing = new Map<OwnerResult | null, Missing>();
  if (walk.discoveryError !== undefined) {
    const listing = entry(
      { owner: { vendor: 'losant', kind: 'user' } },
      false,
      walk.discoveryError,
    );
    const owner = { kind: 'applications', ...(options.orgId ? { id: options.orgId } : {}) };
    missing.set(null, { ...listing, owner });
  }
  for (const result of walk.owners) {
    if (result.error !== undefined) {
      missing.set(result, entry(result.facts, result.implicit, result.error));
    }
  }
  return missing;
}

/** The exit code: an owner that failed (and was not skipped) wins over findings. */
function verdict(failures: readonly { code: ExitCode; reason: string }[], findingsFail: boolean) {
  if (failures.length > 0) {
    const code = failures.some((f) => f.code === ExitCode.auth) ? ExitCode.auth : ExitCode.failure;
    const many = failures.length === 1 ? 'an owner' : `${failures.length} owners`;
    return { exitCode: code, error: `${many} could not be audited: ${failures[0]?.reason}` };
  }
  return { exitCode: findingsFail ? ExitCode.failure : ExitCode.ok, error: null };
}

/**
 * Builds the report from a finished walk. The walk's findings become the report's, sorted in
 * place: an audit of many owners holds a great many of them, and none is copied.
 */
export function buildReport(walk: AuditWalk, options: ReportOptions): AuditReport {
  const findings = walk.findings.sort(compareFindings);
  const missing = notAudited(walk, options);
  const { exitCode, error } = verdict(
    [...missing.values()].filter((entry) => !entry.skipped),
    failsGate(findings, options.failOn),
  );
  return {
    generatedAt: options.now.toISOString(),
    expiringWithin: options.expiringWithin,
    failOn: options.failOn,
    policy: options.policy,
    failed: exitCode !== ExitCode.ok,
    exitCode,
    error,
    summary: {
      ...countBySeverity(findings),
      total: findings.length,
      tokens: walk.owners.reduce((sum, result) => sum + result.tokens, 0),
      notAudited: missing.size,
    },
    sources: walk.owners.map((result) => ({
      ...ownerFields(result.facts),
      tokens: result.tokens,
      error: missing.get(result)?.reason ?? null,
    })),
    notAudited: [...missing.values()].map(({ code: _code, ...entry }) => entry),
    findings,
  };
}
