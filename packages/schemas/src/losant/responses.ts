import * as z from 'zod/mini';
import { looseObject } from '#object';
import { mustBe } from '../messages.js';

/** The body of every Losant error response, e.g. `{ type: 'NotFound', message: '…' }`. Open. */
export const error = looseObject(
  {
    type: z.optional(z.string({ error: mustBe('a string') })),
    message: z.optional(z.string({ error: mustBe('a string') })),
  },
  { error: mustBe('an object') },
);
/** The body of a Losant error response. */
export type LosantError = z.output<typeof error>;

/** The answer to a DELETE: `{ success: true }`. Open. */
export const success = looseObject(
  { success: z.literal(true, { error: mustBe('true') }) },
  { error: mustBe('an object') },
);
/** The answer to a DELETE. */
export type Success = z.output<typeof success>;
