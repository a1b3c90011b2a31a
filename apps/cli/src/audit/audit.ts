import { tokenFindings } from './rules.js';
import {
  type FailOn,
  reachesThreshold,
  type Severity,
  severities,
  severityRank,
} from './severity.js';
import type { AuditPolicy, AuditToken, Finding, FindingKind } from './types.js';

const kindOrder: readonly FindingKind[] = [
  'expired',
  'expiring',
  'over-broad',
  'never-expiring',
  'inactive',
];

function ownerKey(finding: Finding): string {
  const owner = finding.owner;
  return owner.vendor === 'losant' && owner.kind !== 'user'
    ? `${owner.vendor}/${owner.kind}/${owner.id}`
    : `${owner.vendor}/${owner.kind}`;
}

/**
 * Most urgent first: by severity, then by kind (expired before expiring before over-broad …),
 * then by expiry (soonest first, never last), then by owner and name so the order is stable.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
    (a.expiresAt === b.expiresAt
      ? 0
      : a.expiresAt === null
        ? 1
        : b.expiresAt === null
          ? -1
          : a.expiresAt.localeCompare(b.expiresAt)) ||
    ownerKey(a).localeCompare(ownerKey(b)) ||
    a.tokenName.localeCompare(b.tokenName) ||
    a.tokenId.localeCompare(b.tokenId)
  );
}

/** Every finding for every token, most urgent first. */
export function auditTokens(tokens: readonly AuditToken[], policy: AuditPolicy): Finding[] {
  return tokens.flatMap((token) => tokenFindings(token, policy)).sort(compareFindings);
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(severities.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Whether any finding reaches `--fail-on`. */
export function failsGate(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((finding) => reachesThreshold(finding.severity, failOn));
}
