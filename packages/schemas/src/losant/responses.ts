import * as z from 'zod';
import { mustBe } from '../messages.js';

/** The body of every Losant error response, e.g. `{ type: 'NotFound', message: '…' }`. Open. */
export const error = z.looseObject(
  {
    type: z.string({ error: mustBe('a string') }).optional(),
    message: z.string({ error: mustBe('a string') }).optional(),
  },
  { error: mustBe('an object') },
);
/** The body of a Losant error response. */
export type LosantError = z.output<typeof error>;

/** The answer to a DELETE: `{ success: true }`. Open. */
export const success = z.looseObject(
  { success: z.literal(true, { error: mustBe('true') }) },
  { error: mustBe('an object') },
);
/** The answer to a DELETE. */
export type Success = z.output<typeof success>;
