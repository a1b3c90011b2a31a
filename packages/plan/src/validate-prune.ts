import { checkKeys, type Issues, isRecord, joinPath, names } from './checks.js';
import type { LosantOwner, PruneScopes } from './types.js';
import { losantOwner } from './validate-losant.js';

function prunedOwners(value: unknown, issues: Issues): LosantOwner[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add(
      'prune.losant',
      'must be a list of owners ({ application: ID }, { instance: ID } or { user: true })',
    );
    return [];
  }
  return value.flatMap((item, index) => {
    const path = `prune.losant[${index}]`;
    if (!isRecord(item)) {
      issues.add(path, 'must be { application: ID }, { instance: ID } or { user: true }');
      return [];
    }
    checkKeys(item, ['application', 'instance', 'user'], path, issues);
    return losantOwner(item, path, issues) ?? [];
  });
}

function prunedNames(value: unknown, issues: Issues): string[] {
  if (value === undefined) return [];
  if (!isRecord(value)) {
    issues.add(
      'prune.instana',
      'must be { names: [GLOB, …] }: Instana tokens are pruned by name only',
    );
    return [];
  }
  checkKeys(value, ['names'], 'prune.instana', issues);
  return names(value.names ?? [], joinPath('prune.instana', 'names'), issues, () => true);
}

/** The `prune` section, or `undefined` when the file has none. */
export function pruneScopes(value: unknown, issues: Issues): PruneScopes | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    issues.add('prune', 'must be a mapping with losant and/or instana');
    return undefined;
  }
  checkKeys(value, ['losant', 'instana'], 'prune', issues);
  return {
    losant: prunedOwners(value.losant, issues),
    instana: prunedNames(value.instana, issues),
  };
}
