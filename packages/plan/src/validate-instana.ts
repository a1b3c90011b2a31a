import { isPermissionName, permissionNames } from '@tokenkit/instana';
import {
  checkUnique,
  didYouMean,
  entryFields,
  entryRecord,
  type FilePlace,
  type Issues,
  isRecord,
  joinPath,
  names,
} from './checks.js';
import type { InstanaEntry } from './types.js';
import { entryLabel } from './validate-losant.js';

/** The keys an Instana entry may have. */
export const instanaEntryKeys = [
  'name',
  'permissions',
  'expires',
  'rotateAfter',
  'deliver',
] as const;

function knownPermission(issues: Issues) {
  return (permission: string, path: string): boolean => {
    if (isPermissionName(permission)) return true;
    issues.add(
      path,
      `unknown Instana permission '${permission}'${didYouMean(permission, permissionNames)}`,
    );
    return false;
  };
}

function instanaEntry(
  item: unknown,
  label: string,
  place: FilePlace,
  issues: Issues,
): InstanaEntry | undefined {
  const before = issues.list.length;
  const entry = entryRecord(item, instanaEntryKeys, label, 'name, permissions, …', issues);
  if (entry === undefined) return undefined;
  const at = (key: string) => joinPath(label, key);
  const result: InstanaEntry = {
    vendor: 'instana',
    ...entryFields(entry, label, place, issues),
    permissions: names(entry.permissions ?? [], at('permissions'), issues, knownPermission(issues)),
  };
  return issues.list.length === before ? result : undefined;
}

/** The `instana` list, with names unique (Instana's tokens all belong to the tenant). */
export function instanaEntries(value: unknown, place: FilePlace, issues: Issues): InstanaEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add('instana', 'must be a list of tokens');
    return [];
  }
  const entries: InstanaEntry[] = [];
  const seen = new Map<string, string>();
  value.forEach((item, index) => {
    const label = entryLabel('instana', index, item);
    const entry = instanaEntry(item, label, place, issues);
    const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
    checkUnique(seen, name, label, issues);
    if (entry !== undefined) entries.push(entry);
  });
  return entries;
}
