import picomatch from 'picomatch';
import type { AuditPolicy, PolicyOverride } from './policy.js';
import type { AuditToken, TokenOwner } from './types.js';

/** What the audit knows about an owner besides its id: what policy overrides match on. */
export interface OwnerFacts {
  owner: TokenOwner;
  /** The application's name, when it was discovered (`--all-applications`). */
  name?: string | undefined;
  organizationId?: string | undefined;
  organizationName?: string | undefined;
}

/** The policy as it applies to one owner, overrides merged and globs compiled. */
export interface OwnerRules {
  maxLifetimeDays: number | null;
  expiryRequired: boolean;
  severity: AuditPolicy['severity'];
  /** The token's grants that the policy forbids, in the token's order. */
  forbiddenGrants(token: AuditToken): string[];
}

/** The fields of `value` that are set: an override leaves the others as they were. */
function setFields<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

// Compiled once per list: every owner without an override shares the policy's own lists.
const matchers = new WeakMap<readonly string[], (value: string) => boolean>();

function matcher(globs: readonly string[]): (value: string) => boolean {
  let match = matchers.get(globs);
  if (!match) {
    match = globs.length === 0 ? () => false : picomatch([...globs]);
    matchers.set(globs, match);
  }
  return match;
}

function matches(override: PolicyOverride, facts: OwnerFacts): boolean {
  const { owner } = facts;
  if (owner.vendor !== 'losant' || owner.kind !== 'application') return false;
  const { applicationId, applicationName, organization } = override.match;
  if (applicationId !== undefined && applicationId.toLowerCase() !== owner.id.toLowerCase()) {
    return false;
  }
  if (applicationName !== undefined) {
    if (facts.name === undefined || !picomatch.isMatch(facts.name, applicationName)) return false;
  }
  if (organization !== undefined) {
    return organization === facts.organizationId || organization === facts.organizationName;
  }
  return true;
}

/**
 * The rules for one owner: the policy's, with every matching override applied in file order
 * (a later override wins over an earlier one).
 */
export function rulesFor(policy: AuditPolicy, facts: OwnerFacts): OwnerRules {
  let merged = { ...policy, severity: { ...policy.severity } };
  for (const override of policy.overrides) {
    if (!matches(override, facts)) continue;
    const { match: _match, severity = {}, ...rules } = override;
    merged = {
      ...merged,
      ...setFields(rules),
      severity: { ...merged.severity, ...setFields(severity) },
    };
  }
  const losant = matcher(merged.forbiddenLosantScopes);
  const instana = matcher(merged.forbiddenInstanaPermissions);
  return {
    maxLifetimeDays: merged.maxLifetimeDays,
    expiryRequired: merged.expiryRequired,
    severity: merged.severity,
    forbiddenGrants: (token) =>
      token.grants.filter(token.owner.vendor === 'losant' ? losant : instana),
  };
}
