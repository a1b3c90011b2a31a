import * as z from 'zod';

/**
 * An Instana error body, read leniently: `{ errors: [...] }` on most endpoints,
 * `{ error, message }` on auth failures. Open; a body matching neither is still an object.
 */
export const errorBody = z.looseObject({
  errors: z.array(z.string()).optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});
/** An Instana error body. */
export type InstanaErrorBody = z.output<typeof errorBody>;
