import type { Vendor } from '../output/describe-error.js';
import { countBySeverity, failsGate } from './audit.js';
import type { SourceResult } from './collect.js';
import type { FailOn, Severity } from './severity.js';
import type { Finding, TokenOwner } from './types.js';

/** The owner as it appears in `--json`: `{ kind, id? }` beside a separate `vendor`. */
export function ownerFields(owner: TokenOwner): {
  vendor: Vendor;
  owner: { kind: string; id?: string };
} {
  if (owner.vendor === 'losant' && owner.kind !== 'user') {
    return { vendor: 'losant', owner: { kind: owner.kind, id: owner.id } };
  }
  return { vendor: owner.vendor, owner: { kind: owner.kind } };
}

/** The audit's result, in the stable shape `--json` prints. */
export interface AuditReport {
  generatedAt: string;
  expiringWithin: string;
  failOn: FailOn;
  failed: boolean;
  summary: Record<Severity, number> & { total: number; tokens: number };
  sources: {
    vendor: Vendor;
    owner: { kind: string; id?: string };
    tokens: number;
    error: string | null;
  }[];
  findings: (Omit<Finding, 'owner'> & ReturnType<typeof ownerFields>)[];
}

/** Builds the report from the collected sources and the findings over them. */
export function buildReport(options: {
  now: Date;
  expiringWithin: string;
  failOn: FailOn;
  sources: readonly SourceResult[];
  findings: readonly Finding[];
  describe: (error: unknown, vendor: Vendor) => string;
}): AuditReport {
  const { findings, sources } = options;
  return {
    generatedAt: options.now.toISOString(),
    expiringWithin: options.expiringWithin,
    failOn: options.failOn,
    failed: failsGate(findings, options.failOn),
    summary: {
      ...countBySeverity(findings),
      total: findings.length,
      tokens: sources.reduce((sum, source) => sum + source.tokens.length, 0),
    },
    sources: sources.map((source) => ({
      ...ownerFields(source.owner),
      tokens: source.tokens.length,
      error:
        source.error === undefined ? null : options.describe(source.error, source.owner.vendor),
    })),
    findings: findings.map((finding) => ({
      severity: finding.severity,
      kind: finding.kind,
      ...ownerFields(finding.owner),
      tokenId: finding.tokenId,
      tokenName: finding.tokenName,
      message: finding.message,
      expiresAt: finding.expiresAt,
      grants: finding.grants,
    })),
  };
}
