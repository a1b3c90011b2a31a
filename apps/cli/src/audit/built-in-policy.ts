import type { Severity } from './severity.js';

// Typed without the schema's types: the schema takes its defaults from this object.
const rule = (severity: Severity | 'off') => severity;

/**
 * The built-in rules: what `tokenkit audit` judges by without `--policy`, and the default of
 * every field of a policy file (`policy-schema.ts` takes them from here, so this file must not import it). A plain object, so an
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
