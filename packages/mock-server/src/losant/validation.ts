import type * as z from 'zod/mini';
import type { Reply } from '../reply.js';
import { validationError } from './errors.js';

/** A request part that passed its schema, or the 400 to answer. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Checks `value` (a request part named `root`: `apiToken`, or '' for path and query params) and
 * answers the first failing check the way Losant's API framework reports it: one
 * `{ type: 'Validation', message: '<field> <problem>' }` (`Losant/bravado-core`
 * `lib/validate-params.js`, whose validator, `is-my-json-valid`, checks a node's type, then its
 * required keys, then its unknown keys, then its children in order, and words the problems as
 * below).
 */
export function check<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  root: string,
): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = firstIssue(result.error.issues, value);
  const { node, problem } = describe(issue, value);
  return { ok: false, reply: validationError(fieldName(root, node), problem) };
}

/** Where `is-my-json-valid` reports an issue, and when (0 own checks, 1 required, 2 unknown keys). */
function position(issue: Issue, input: unknown): { node: Path; phase: number } {
  const { path } = issue;
  if (issue.code === 'unrecognized_keys') return { node: objectPath(issue), phase: 2 };
  if (issue.code === 'invalid_type' && path.length > 0 && valueAt(input, path) === undefined) {
    return { node: path.slice(0, -1), phase: 1 };
  }
  if (isDuplicate(issue)) return { node: path.slice(0, -1), phase: 0 };
  return { node: path, phase: 0 };
}

function firstIssue(issues: readonly Issue[], input: unknown): Issue {
  const ranked = issues.map((issue, index) => ({ issue, index, ...position(issue, input) }));
  ranked.sort((a, b) => {
    let shared = 0;
    while (shared < a.node.length && shared < b.node.length && a.node[shared] === b.node[shared]) {
      shared++;
    }
    const aHere = shared === a.node.length;
    const bHere = shared === b.node.length;
    // A node's own checks come before its children's; siblings keep the schema's order.
    if (aHere && bHere) return a.phase - b.phase || a.index - b.index;
    if (aHere) return -1;
    if (bHere) return 1;
    return a.index - b.index;
  });
  return (ranked[0] as { issue: Issue }).issue;
}

function describe(issue: Issue, input: unknown): { node: Path; problem: string } {
  const { node, phase } = position(issue, input);
  if (phase === 1) return { node: issue.path, problem: 'is required' };
  return { node, problem: problemOf(issue) };
}

const TOO_SMALL: Record<string, string> = {
  string: 'has less length than allowed',
  array: 'has less items than allowed',
};
const TOO_BIG: Record<string, string> = {
  string: 'has longer length than allowed',
  array: 'has more items than allowed',
};

function problemOf(issue: Issue): string {
  if (isDuplicate(issue)) return 'must be unique';
  switch (issue.code) {
    case 'invalid_type':
      return 'is the wrong type';
    case 'unrecognized_keys':
      return 'has additional properties';
    case 'invalid_value':
      return 'must be an enum value';
    case 'invalid_format':
      if (issue.format === 'regex') return 'pattern mismatch';
      return `must be ${issue.format === 'datetime' ? 'date-time' : issue.format} format`;
    case 'too_small':
      return TOO_SMALL[issue.origin] ?? 'is less than minimum';
    case 'too_big':
      return TOO_BIG[issue.origin] ?? 'is more than maximum';
    case 'invalid_union':
      return 'no (or more than one) schemas match';
    default:
      return issue.message;
  }
}

/** The schemas' `scopeList` reports a repeated scope at its index; JSON Schema at the list. */
function isDuplicate(issue: Issue): boolean {
  return issue.code === 'custom' && issue.message.startsWith('duplicate');
}

/** `closedObject` reports an unknown key at `[...object, key]`; a plain strict object at the object. */
function objectPath(issue: Issue & { code: 'unrecognized_keys' }): Path {
  const last = issue.path.at(-1);
  return issue.keys.length === 1 && last === issue.keys[0] ? issue.path.slice(0, -1) : issue.path;
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `apiToken.scope.0`: is-my-json-valid names array items with a dot, like properties. */
function fieldName(root: string, path: Path): string {
  return [root, ...path.map(String)].filter((part) => part !== '').join('.');
}
