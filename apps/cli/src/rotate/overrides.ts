import { parseExpiry } from '../duration.js';
import { usageError } from '../errors.js';

/** How a replacement differs from the old token: the engine's `ReplacementOverrides`. */
export interface Overrides {
  name?: string;
  expiresAt?: string | null;
  status?: 'active' | 'inactive';
}

/**
 * `--name`, `--expires` (a date, a duration such as `90d`, or `never`) and `--status` as the
 * engine's overrides; anything left out is kept from the old token. A bad value is a usage error.
 */
export function overridesFrom(
  options: { name?: string | undefined; expires?: string | undefined; status?: string | undefined },
  now: Date,
): Overrides {
  const { name, expires, status } = options;
  if (status !== undefined && status !== 'active' && status !== 'inactive') {
    throw usageError(`--status must be active or inactive, got "${status}"`);
  }
  const expiresAt =
    expires === undefined
      ? undefined
      : expires.trim() === 'never'
        ? null
        : parseExpiry(expires, now).toISOString();
  return {
    ...(name === undefined ? {} : { name }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(status === undefined ? {} : { status }),
  };
}

/** What `overrides` set, for the summary: `name "ci", expiry never, status inactive`. */
export function describeOverrides(overrides: Overrides): string[] {
  return [
    ...(overrides.name === undefined ? [] : [`name "${overrides.name}"`]),
    ...(overrides.expiresAt === undefined ? [] : [`expiry ${overrides.expiresAt ?? 'never'}`]),
    ...(overrides.status === undefined ? [] : [`status ${overrides.status}`]),
  ];
}
