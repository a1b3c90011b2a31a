import { errorBody } from '@tokenkit/schemas/instana';

/**
 * Reads Instana's error bodies leniently: `{ errors: [...] }` on most endpoints,
 * `{ error, message }` on authentication failures, anything else left to the status line.
 */
export function readErrorDetails(body: unknown): { type?: string; message?: string } {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return {};
  const { errors, error, message } = parsed.data;
  const text = errors !== undefined && errors.length > 0 ? errors.join('; ') : (message ?? error);
  return {
    ...(error !== undefined ? { type: error } : {}),
    ...(text !== undefined ? { message: text } : {}),
  };
}
