import {
  type FailOn,
  reachesThreshold,
  type Severity,
  severities,
  severityRank,
} from './severity.js';
import type { Finding, FindingKind, TokenOwner } from './types.js';

const kindOrder: readonly FindingKind[] = [
  'expired',
  'expiring',
  'over-broad',
  'never-expiring',
  'too-long-lived',
  'inactive',
];

/** `losant/application/<id>`, `losant/user`, `instana/tenant`: one string per owner. */
export function ownerKey(owner: TokenOwner): string {
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
    ownerKey(a.owner).localeCompare(ownerKey(b.owner)) ||
    a.tokenName.localeCompare(b.tokenName) ||
    a.tokenId.localeCompare(b.tokenId)
  );
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
