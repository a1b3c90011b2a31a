import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';

const text = z.string({ error: mustBe('a string') });

/**
 * An Instana error body, read leniently: `{ errors: [...] }` on most endpoints,
 * `{ error, message }` on auth failures. Open; a body matching neither is still an object.
 */
export const errorBody = looseObject(
  {
    errors: z.optional(z.array(text, { error: mustBe('a list of strings') })),
    error: z.optional(text),
    message: z.optional(text),
  },
  { error: mustBe('an object') },
);
/** An Instana error body. */
export type InstanaErrorBody = z.output<typeof errorBody>;
