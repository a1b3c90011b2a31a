import { RequestValidationError } from './errors.js';

/**
 * A request's own secrets (`HttpRequest.secrets`), checked and copied: the list that error
 * mapping scrubs, to which the auth token is added per attempt.
 *
 * @throws RequestValidationError naming `secrets` when it is not an array of strings.
 */
export function requestSecrets(secrets: unknown): string[] {
  if (secrets === undefined) return [];
  if (!Array.isArray(secrets) || !secrets.every((secret) => typeof secret === 'string')) {
    throw new RequestValidationError('secrets must be an array of strings', { field: 'secrets' });
  }
  return [...secrets];
}
