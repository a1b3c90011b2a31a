import { formatDay, relativeDays } from '../output/format.js';
import { findingOwner } from './owner-json.js';
import type { OwnerRules } from './owner-rules.js';
import type { RuleSeverity } from './policy.js';
import { expiryCommand, rotateCommand } from './rotate-command.js';
import type { AuditToken, Finding, FindingKind } from './types.js';

const dayMs = 86_400_000;
/** Expiring this soon is urgent whatever `--expiring-within` says. */
const soonMs = 7 * dayMs;
/** Most findings hold no grants: they share one empty list. */
const noGrants: readonly string[] = Object.freeze([]);

/*
 * An organization's audit keeps every finding to the end, and most say the same things: each
 * distinct message and grant list is kept once and shared (the ids in `command` are all that
 * differs from one token to the next). Bounded by the findings themselves.
 */
const messages = new Map<string, string>();
const grantLists = new Map<string, readonly string[]>();

function shared<T>(seen: Map<string, T>, key: string, value: T): T {
  const known = seen.get(key);
  if (known !== undefined) return known;
  seen.set(key, value);
  return value;
}

/** What the rules need to know besides the token. */
export interface RuleContext {
  now: Date;
  /** Tokens expiring within this many milliseconds are reported as expiring. */
  expiringWithinMs: number;
  rules: OwnerRules;
}

function finding(
  token: AuditToken,
  kind: FindingKind,
  severity: RuleSeverity,
  message: string,
  extra: { grants?: readonly string[]; command?: string | null } = {},
): Finding[] {
  if (severity === 'off') return [];
  return [
    {
      severity,
      kind,
      vendor: token.owner.vendor,
      owner: findingOwner(token.owner),
      tokenId: token.id,
      tokenName: token.name,
      message: shared(messages, message, message),
      expiresAt: token.expiresAt ? token.expiresAt.toISOString() : null,
      grants: extra.grants ?? noGrants,
      command: extra.command ?? null,
    },
  ];
}

function isUsable(token: AuditToken, now: Date): boolean {
  return token.active && (token.expiresAt === null || token.expiresAt > now);
}

/** Expired (high while still active, low once inactive), or expiring soon or within the window. */
function expiryFindings(token: AuditToken, { now, expiringWithinMs, rules }: RuleContext) {
  const expiresAt = token.expiresAt;
  if (expiresAt === null) return [];
  const left = expiresAt.getTime() - now.getTime();
  const when = `${relativeDays(expiresAt, now)} (${formatDay(expiresAt)})`;
  if (left <= 0) {
    return token.active
      ? finding(
          token,
          'expired',
          rules.severity.expired,
          `expired ${when} but is still active: whatever uses it is failing; rotate or delete it`,
          { command: rotateCommand(token) },
        )
      : finding(token, 'expired', rules.severity.expiredInactive, `expired ${when}; delete it`);
  }
  if (!token.active || (left > soonMs && left > expiringWithinMs)) return [];
  const severity = left <= soonMs ? rules.severity.expiringSoon : rules.severity.expiring;
  return finding(token, 'expiring', severity, `expires ${when}; rotate it before then`, {
    command: rotateCommand(token),
  });
}

/** An inactive token that has not expired: a leftover to delete. */
function statusFindings(token: AuditToken, { now, rules }: RuleContext) {
  if (token.active || (token.expiresAt !== null && token.expiresAt <= now)) return [];
  return finding(
    token,
    'inactive',
    rules.severity.inactive,
    'inactive; delete it if nothing needs it any more',
  );
}

/** A usable token holding forbidden grants; worse when nothing ever limits it. */
function grantFindings(token: AuditToken, { now, rules }: RuleContext) {
  const forbidden = isUsable(token, now) ? rules.forbiddenGrants(token) : [];
  if (forbidden.length === 0) return [];
  const grants = forbidden.join(', ');
  const list = shared(grantLists, JSON.stringify(forbidden), Object.freeze(forbidden));
  return token.expiresAt === null
    ? finding(
        token,
        'over-broad',
        rules.severity.overBroadNeverExpiring,
        `has ${grants} and never expires; replace it with a narrower token that expires`,
        { grants: list },
      )
    : finding(
        token,
        'over-broad',
        rules.severity.overBroad,
        `has ${grants}; give it only the access it needs`,
        { grants: list },
      );
}

/** Never expiring while the policy requires an expiry, or living longer than it allows. */
function lifetimeFindings(token: AuditToken, { now, rules }: RuleContext) {
  if (!isUsable(token, now)) return [];
  const maxDays = rules.maxLifetimeDays;
  if (token.expiresAt === null) {
    if (!rules.expiryRequired) return [];
    const command = expiryCommand(token, `${maxDays ?? 90}d`);
    const fix =
      token.owner.vendor === 'instana'
        ? 'give it an expiry (tokenkit instana tokens update <id> --expires …)'
        : 'rotate it into one that expires';
    return finding(token, 'never-expiring', rules.severity.neverExpiring, `never expires; ${fix}`, {
      command,
    });
  }
  if (maxDays === null || token.createdAt === null) return [];
  const lifetimeDays = Math.round((token.expiresAt.getTime() - token.createdAt.getTime()) / dayMs);
  if (lifetimeDays <= maxDays) return [];
  return finding(
    token,
    'too-long-lived',
    rules.severity.tooLongLived,
    `lives ${lifetimeDays} days (${formatDay(token.createdAt)} to ${formatDay(token.expiresAt)}), over the ${maxDays} allowed; ${token.owner.vendor === 'instana' ? 'give it' : 'rotate it with'} a shorter expiry`,
    { command: expiryCommand(token, `${maxDays}d`) },
  );
}

/**
 * The findings for one token. Pure: the same token, rules and clock always give the same
 * answer. The severities named here are the built-in ones; a policy may change or turn off each.
 *
 * - expired: high while still active (whatever uses it is failing now), low once inactive.
 * - expiring: high within 7 days whatever the window, medium within `--expiring-within`.
 * - inactive (and not expired): low, a leftover to delete.
 * - over-broad (a usable token with forbidden grants: Losant `all.*`, Instana
 *   `canConfigureApiTokens`/`canConfigureUsers`): high; critical when it also never expires,
 *   one finding naming both reasons (no separate never-expiring finding).
 * - never-expiring (usable): medium. Losant cannot add an expiry later, so it means rotating.
 * - too-long-lived: only with a policy's `maxLifetimeDays`.
 */
export function tokenFindings(token: AuditToken, context: RuleContext): Finding[] {
  const grants = grantFindings(token, context);
  // An over-broad token that never expires is one finding holding both reasons, not two.
  const lifetime =
    grants.length > 0 && token.expiresAt === null ? [] : lifetimeFindings(token, context);
  return [
    ...expiryFindings(token, context),
    ...statusFindings(token, context),
    ...grants,
    ...lifetime,
  ];
}
