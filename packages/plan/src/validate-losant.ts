import { allScopes } from '@tokenkit/losant';
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
  show,
} from './checks.js';
import type { LosantEntry, LosantOwner } from './types.js';

/** The keys a Losant entry may have. */
export const losantEntryKeys = [
  'name',
  'application',
  'instance',
  'user',
  'scope',
  'description',
  'status',
  'expires',
  'rotateAfter',
  'deliver',
] as const;

const objectId = /^[0-9a-f]{24}$/;
const ownerKinds = ['application', 'instance', 'user'] as const;

/** `name (p-new)` after the index, when the entry has a usable name. */
export function entryLabel(list: string, index: number, entry: unknown): string {
  const name = isRecord(entry) && typeof entry.name === 'string' ? ` (${entry.name})` : '';
  return `${list}[${index}]${name}`;
}

/** Exactly one owner: `application: ID`, `instance: ID` or `user: true`. */
export function losantOwner(
  record: Record<string, unknown>,
  path: string,
  issues: Issues,
): LosantOwner | undefined {
  const given = ownerKinds.filter((kind) => record[kind] !== undefined);
  if (given.length !== 1) {
    const found = given.length === 0 ? 'none' : given.join(' and ');
    issues.add(
      path,
      `needs exactly one owner (application: ID, instance: ID or user: true), found ${found}`,
    );
    return undefined;
  }
  const kind = given[0] as (typeof ownerKinds)[number];
  const value = record[kind];
  if (kind === 'user') {
    if (value === true) return { kind: 'user' };
    issues.add(joinPath(path, 'user'), `must be true, got ${show(value)}`);
    return undefined;
  }
  if (typeof value === 'string' && objectId.test(value)) return { kind, id: value };
  issues.add(joinPath(path, kind), `must be a 24-character hexadecimal id, got ${show(value)}`);
  return undefined;
}

function knownScope(issues: Issues) {
  return (scope: string, path: string): boolean => {
    if ((allScopes as readonly string[]).includes(scope)) return true;
    issues.add(path, `unknown Losant scope '${scope}'${didYouMean(scope, allScopes)}`);
    return false;
  };
}

function status(value: unknown, path: string, issues: Issues): 'active' | 'inactive' {
  if (value === undefined || value === 'active' || value === 'inactive') return value ?? 'active';
  issues.add(path, `must be 'active' or 'inactive', got ${show(value)}`);
  return 'active';
}

function description(value: unknown, path: string, issues: Issues): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  issues.add(path, 'must be a string');
  return '';
}

/** One Losant entry, or `undefined` when it has issues (all of them reported). */
function losantEntry(
  item: unknown,
  label: string,
  place: FilePlace,
  issues: Issues,
): LosantEntry | undefined {
  const before = issues.list.length;
  const entry = entryRecord(item, losantEntryKeys, label, 'name, owner, scope, …', issues);
  if (entry === undefined) return undefined;
  const at = (key: string) => joinPath(label, key);
  const result = {
    vendor: 'losant' as const,
    ...entryFields(entry, label, place, issues),
    owner: losantOwner(entry, label, issues) ?? { kind: 'user' as const },
    scope: names(entry.scope ?? [], at('scope'), issues, knownScope(issues)),
    description: description(entry.description, at('description'), issues),
    status: status(entry.status, at('status'), issues),
  };
  if (entry.scope === undefined) issues.add(at('scope'), 'is required: the scopes the token gets');
  return issues.list.length === before ? result : undefined;
}

/** An entry's owner and name as written, to find duplicates. */
function rawKey(item: unknown): string | undefined {
  if (!isRecord(item) || typeof item.name !== 'string') return undefined;
  return JSON.stringify([item.application, item.instance, item.user, item.name]);
}

/** The `losant` list, with names unique per owner. */
export function losantEntries(value: unknown, place: FilePlace, issues: Issues): LosantEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add('losant', 'must be a list of tokens');
    return [];
  }
  const entries: LosantEntry[] = [];
  const seen = new Map<string, string>();
  value.forEach((item, index) => {
    const label = entryLabel('losant', index, item);
    const entry = losantEntry(item, label, place, issues);
    checkUnique(seen, rawKey(item), label, issues);
    if (entry !== undefined) entries.push(entry);
  });
  return entries;
}
