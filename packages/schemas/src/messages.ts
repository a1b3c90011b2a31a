/**
 * Plain-words messages shared by the schemas. The consumer prefixes the field path taken
 * from the issue path, so a message only says what is wrong with the value itself.
 */

/** A zod issue as seen by an error customizer: enough to tell a missing value apart. */
interface IssueLike {
  readonly input?: unknown;
}

/** Quotes each value and joins them, e.g. `'asc' or 'desc'`. */
export function listOfValues(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * An error customizer for a schema's own type check: "is required" for a missing value,
 * otherwise `must be <expected>`.
 */
export function mustBe(expected: string): (issue: IssueLike) => string {
  return (issue) => (issue.input === undefined ? 'is required' : `must be ${expected}`);
}

/** An error customizer for an enum: names every allowed value. */
export function mustBeOneOf(values: readonly string[]): (issue: IssueLike) => string {
  return mustBe(values.length <= 2 ? listOfValues(values) : `one of ${listOfValues(values)}`);
}
