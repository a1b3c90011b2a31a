import { closest } from '@tokenkit/schemas/losant';
import { usageError } from '../errors.js';
import type { PickedFields } from './json-shapes.js';

/**
 * The fields `--json a,b,c` asks for; `undefined` for a bare `--json` (everything) or no
 * `--json` at all.
 */
export function jsonFields(option: string | boolean | undefined): string[] | undefined {
  if (typeof option !== 'string') return undefined;
  const fields = option
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  if (fields.length === 0) {
    throw usageError(
      `--json: no field named (got "${option}")`,
      'name fields (--json name,id), or give --json alone for everything',
    );
  }
  return fields;
}

/**
 * Refuses a field no token has, before any request, suggesting the closest. A value after
 * `--json` that is no field at all is most likely an argument typed after it.
 */
export function checkJsonFields(fields: readonly string[] | undefined, known: readonly string[]) {
  for (const field of fields ?? []) {
    if (known.includes(field)) continue;
    const suggestion = closest(field, known);
    throw usageError(
      `--json: unknown field "${field}"`,
      suggestion
        ? `did you mean ${suggestion}? Fields: ${known.join(', ')}`
        : `fields: ${known.join(', ')} (put arguments before --json)`,
    );
  }
}

/** Only the asked-for fields of a record, in the order asked; absent ones are `null`. */
export function pickFields(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): PickedFields {
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null])) as PickedFields;
}
