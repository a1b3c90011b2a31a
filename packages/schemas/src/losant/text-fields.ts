import * as z from 'zod/mini';
import { mustBe } from '../messages.js';

/**
 * A string of at most `max` characters, counted as JSON Schema counts them (Unicode code
 * points, so an emoji is one character, not two UTF-16 units). An empty string fails with
 * "must not be empty" when `nonEmpty` is set.
 */
export function text(max: number, { nonEmpty = false }: { nonEmpty?: boolean } = {}) {
  // One check for both bounds (its issues are those of zod's minLength and maxLength): a
  // token's texts and each of its scopes pass here, and a check fewer per string is about
  // 6% of a token's validation.
  return z.string({ error: mustBe('a string') }).check((ctx) => {
    const value = ctx.value;
    if (nonEmpty && value.length === 0) {
      ctx.issues.push({
        code: 'too_small',
        origin: 'string',
        minimum: 1,
        inclusive: true,
        input: value,
        message: 'must not be empty',
      });
      return;
    }
    // Code points never outnumber UTF-16 units, so only a long string needs counting.
    if (value.length <= max || countCodePoints(value) <= max) return;
    ctx.issues.push({
      code: 'too_big',
      origin: 'string',
      maximum: max,
      inclusive: true,
      input: value,
      message: `must be at most ${max} characters`,
    });
  });
}

function countCodePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** A token's `name`: 1 to 255 characters. */
export const tokenName = text(255, { nonEmpty: true });

/** A token's `description`: at most 32767 characters. */
export const tokenDescription = text(32767);
