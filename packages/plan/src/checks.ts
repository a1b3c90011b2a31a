import { closest } from '@tokenkit/schemas/losant';
import { parseDuration } from './duration.js';
import type { FileIssue } from './errors.js';
import { parseLifetime } from './lifetime.js';
import type { DeliveryTarget, Lifetime } from './types.js';

/** Collects the issues of one file, each under its path. */
export class Issues {
  readonly list: FileIssue[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

/** A plain object (a YAML mapping), as opposed to a list, a string or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `'x'; did you mean 'y'?` when a known name is close to `given`. */
export function didYouMean(given: string, known: readonly string[]): string {
  const suggestion = closest(given, known);
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/** Reports every key of `record` that is not in `known`, with the closest known one. */
export function checkKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  path: string,
  issues: Issues,
): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    issues.add(joinPath(path, key), `unknown key '${key}'${didYouMean(key, known)}`);
  }
}

/** `losant[4] (p-new)` + `scope` → `losant[4] (p-new).scope`. */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A non-empty string, or an issue. */
export function text(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  issues.add(path, 'must be a non-empty string');
  return undefined;
}

/** A list of non-empty strings, each checked by `known` (which reports its own issue). */
export function names(
  value: unknown,
  path: string,
  issues: Issues,
  known: (name: string, path: string) => boolean,
): string[] {
  if (!Array.isArray(value)) {
    issues.add(path, 'must be a list');
    return [];
  }
  return value.filter((item, index): item is string => {
    const itemPath = `${path}[${index}]`;
    if (typeof item !== 'string' || item === '') {
      issues.add(itemPath, 'must be a non-empty string');
      return false;
    }
    return known(item, itemPath);
  });
}

/** `expires`: a duration (`90d`) or an ISO date. */
export function lifetime(value: unknown, path: string, issues: Issues): Lifetime | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'string' ? parseLifetime(value) : undefined;
  if (parsed === undefined) {
    issues.add(
      path,
      `must be a duration such as 90d (s, m, h, d, w, y) or an ISO date such as 2027-01-31, got ${show(value)}`,
    );
  }
  return parsed;
}

/** `rotateAfter`: a duration. */
export function duration(value: unknown, path: string, issues: Issues): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? parseDuration(value) : undefined;
  if (ms === undefined) {
    issues.add(path, `must be a duration such as 60d (s, m, h, d, w, y), got ${show(value)}`);
  }
  return ms;
}

/** The user's value, short, for a message (never a secret: a tokens file holds none). */
export function show(value: unknown): string {
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/** `deliver`: `{ out: PATH }` or `{ exec: COMMAND }`, or left empty (null) to fill in later. */
export function delivery(
  value: unknown,
  path: string,
  issues: Issues,
  resolvePath: (relative: string) => string,
  folder: string,
): DeliveryTarget | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    issues.add(path, 'must be { out: PATH } or { exec: COMMAND }');
    return undefined;
  }
  checkKeys(value, ['out', 'exec'], path, issues);
  const kinds = ['out', 'exec'].filter((key) => key in value);
  if (kinds.length !== 1) {
    issues.add(path, 'must name exactly one of out and exec');
    return undefined;
  }
  if ('out' in value) {
    const out = text(value.out, joinPath(path, 'out'), issues);
    return out === undefined ? undefined : { out: resolvePath(out) };
  }
  const exec = text(value.exec, joinPath(path, 'exec'), issues);
  return exec === undefined ? undefined : { exec, cwd: folder };
}

/**
 * Reports an entry whose `key` (owner and name) an earlier entry already has. Raw values are
 * compared, so a duplicate is found even when either entry has other problems.
 */
export function checkUnique(
  seen: Map<string, string>,
  key: string | undefined,
  label: string,
  issues: Issues,
): void {
  if (key === undefined) return;
  const first = seen.get(key);
  if (first === undefined) seen.set(key, label);
  else issues.add(joinPath(label, 'name'), `duplicate name: ${first} has the same owner and name`);
}

/** Where the tokens file is: its folder, and how a path written in it resolves. */
export interface FilePlace {
  readonly folder: string;
  resolve(relative: string): string;
}

/** The fields every vendor's entry has, checked: its name, lifetime, rotation age and delivery. */
export function entryFields(
  entry: Record<string, unknown>,
  label: string,
  place: FilePlace,
  issues: Issues,
) {
  const at = (key: string) => joinPath(label, key);
  return {
    label,
    name: text(entry.name, at('name'), issues) ?? '',
    expires: lifetime(entry.expires, at('expires'), issues),
    rotateAfterMs: duration(entry.rotateAfter, at('rotateAfter'), issues),
    deliver: delivery(entry.deliver, at('deliver'), issues, place.resolve, place.folder),
  };
}

/**
 * The entry at `label` as a mapping whose keys are all `keys`, or `undefined` (reported) when it
 * is no mapping; `fields` names what it should hold, for the message. Unknown keys are reported
 * but do not stop the entry's other fields being checked.
 */
export function entryRecord(
  entry: unknown,
  keys: readonly string[],
  label: string,
  fields: string,
  issues: Issues,
): Record<string, unknown> | undefined {
  if (!isRecord(entry)) {
    issues.add(label, `must be a mapping of ${fields}`);
    return undefined;
  }
  checkKeys(entry, keys, label, issues);
  return entry;
}
