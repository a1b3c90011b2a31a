import { isPermissionName, permissionNames } from '@tokenkit/instana';
import { closest } from '@tokenkit/schemas/losant';
import { usageError } from '../../errors.js';

/**
 * Checks permission names against the SDK's list. An unknown name is a usage error that
 * suggests the closest real one (the casing traps are many: canConfigureIPFiltering,
 * limitedSAPScope, canConfigureApiTokens …).
 */
export function checkPermissionNames(names: readonly string[], source: string): void {
  for (const name of names) {
    if (isPermissionName(name)) continue;
    // closest folds casing and `_` like the SDK's suggestPermissionName, and also finds typos.
    const suggestion = closest(name, permissionNames);
    throw usageError(
      `unknown Instana permission "${name}" in ${source}`,
      suggestion
        ? `did you mean ${suggestion}?`
        : 'see `tokenkit instana permissions` for the list',
    );
  }
}

/** What a permissions file asks for. */
export type PermissionSpec =
  /** A JSON array of names: exactly these permissions, every other one off. */
  | { kind: 'exact'; names: string[] }
  /** A JSON object of name → boolean: these values, everything else unchanged. */
  | { kind: 'values'; values: Record<string, boolean> };

/** Parses the JSON of a `--permissions-file` (validated separately against the list). */
export function parsePermissionSpec(text: string, file: string): PermissionSpec {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(data) && data.every((item) => typeof item === 'string')) {
    return { kind: 'exact', names: data };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const entries = Object.entries(data);
    if (entries.every(([, value]) => typeof value === 'boolean')) {
      return { kind: 'values', values: Object.fromEntries(entries) as Record<string, boolean> };
    }
  }
  throw usageError(
    `${file} must hold a JSON array of permission names or an object of name → true/false`,
    'e.g. ["canConfigureAgents", "canViewLogs"] or {"canConfigureAgents": true}',
  );
}

/** The names a spec mentions, for validation. */
export function specNames(spec: PermissionSpec): string[] {
  return spec.kind === 'exact' ? spec.names : Object.keys(spec.values);
}

/**
 * The permission booleans after applying, in order, a file spec, then `--permission` (on) and
 * `--revoke-permission` (off), to the current values.
 */
export function applyPermissions(
  current: Readonly<Record<string, unknown>>,
  known: readonly string[],
  changes: {
    spec?: PermissionSpec | undefined;
    grant?: readonly string[];
    revoke?: readonly string[];
  },
): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const name of known) result[name] = current[name] === true;
  const { spec } = changes;
  if (spec?.kind === 'exact') {
    const wanted = new Set(spec.names);
    for (const name of known) result[name] = wanted.has(name);
  } else if (spec?.kind === 'values') {
    Object.assign(result, spec.values);
  }
  for (const name of changes.grant ?? []) result[name] = true;
  for (const name of changes.revoke ?? []) result[name] = false;
  return result;
}
