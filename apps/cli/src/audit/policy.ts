import type { ParsedPolicy, RuleSeverityOutput } from './policy-schema.js';
import type { Severity } from './severity.js';

/** A policy with every default filled in. */
export type AuditPolicy = ParsedPolicy;

/** One override of a policy. */
export type PolicyOverride = AuditPolicy['overrides'][number];

/** A rule's severity setting: a severity, or `off`. */
export type RuleSeverity = RuleSeverityOutput;

// Typed without the schema's types: the schema takes its defaults from this object.
const rule = (severity: Severity | 'off') => severity;

/**
 * The built-in rules: what `tokenkit audit` judges by without `--policy`, and the default of
 * every field of a policy file (`policy-schema.ts` takes them from here). A plain object, so an
 * audit with the built-in rules loads no schema library.
 */
export const builtInPolicy = {
  maxLifetimeDays: null as number | null,
  expiryRequired: true,
  forbiddenLosantScopes: ['all.*'],
  forbiddenInstanaPermissions: ['canConfigureApiTokens', 'canConfigureUsers'],
  severity: {
    expired: rule('high'),
    expiredInactive: rule('low'),
    expiringSoon: rule('high'),
    expiring: rule('medium'),
    inactive: rule('low'),
    neverExpiring: rule('medium'),
    overBroad: rule('high'),
    overBroadNeverExpiring: rule('critical'),
    tooLongLived: rule('medium'),
  },
  overrides: [] as never[],
};
