import { formatDay, relativeDays } from '../output/format.js';
import type { AuditPolicy, AuditToken, Finding, FindingKind } from './types.js';

const weekMs = 7 * 86_400_000;

function finding(
  token: AuditToken,
  kind: FindingKind,
  severity: Finding['severity'],
  message: string,
  grants: string[] = [],
): Finding {
  return {
    severity,
    kind,
    owner: token.owner,
    tokenId: token.id,
    tokenName: token.name,
    message,
    expiresAt: token.expiresAt ? token.expiresAt.toISOString() : null,
    grants,
  };
}

/**
 * The findings for one token. Pure: the same token and policy always give the same answer.
 *
 * - expired: high while still active (whatever uses it is failing now), low once inactive.
 * - expiring within the window: high within a week, medium otherwise.
 * - over-broad (a usable token with `all.*` scopes or Instana admin permissions): high,
 *   critical when it also never expires, since then nothing ever limits it.
 * - never-expiring (active): medium. Losant cannot add an expiry later, so it means rotating.
 * - inactive (and not expired): low, a leftover to delete.
 */
export function tokenFindings(token: AuditToken, policy: AuditPolicy): Finding[] {
  const { now, expiringWithinMs } = policy;
  const findings: Finding[] = [];
  const expiresAt = token.expiresAt;
  const expired = expiresAt !== null && expiresAt.getTime() <= now.getTime();
  const day = expiresAt ? formatDay(expiresAt) : '';

  if (expiresAt && expired) {
    findings.push(
      token.active
        ? finding(
            token,
            'expired',
            'high',
            `expired ${relativeDays(expiresAt, now)} (${day}) but is still active: whatever uses it is failing; rotate or delete it`,
          )
        : finding(
            token,
            'expired',
            'low',
            `expired ${relativeDays(expiresAt, now)} (${day}); delete it`,
          ),
    );
  } else if (expiresAt && expiresAt.getTime() - now.getTime() <= expiringWithinMs && token.active) {
    const soon = expiresAt.getTime() - now.getTime() <= weekMs;
    findings.push(
      finding(
        token,
        'expiring',
        soon ? 'high' : 'medium',
        `expires ${relativeDays(expiresAt, now)} (${day}); rotate it before then`,
      ),
    );
  }

  if (!token.active && !expired) {
    findings.push(
      finding(token, 'inactive', 'low', 'inactive; delete it if nothing needs it any more'),
    );
  }

  const usable = token.active && !expired;
  if (usable && token.broadGrants.length > 0) {
    const grants = token.broadGrants.join(', ');
    findings.push(
      expiresAt === null
        ? finding(
            token,
            'over-broad',
            'critical',
            `has ${grants} and never expires; replace it with a narrower token that expires`,
            token.broadGrants,
          )
        : finding(
            token,
            'over-broad',
            'high',
            `has ${grants}; give it only the access it needs`,
            token.broadGrants,
          ),
    );
  }
  if (usable && expiresAt === null) {
    findings.push(
      finding(
        token,
        'never-expiring',
        'medium',
        'never expires; re-create it with an expiry (--expires 90d)',
      ),
    );
  }
  return findings;
}
