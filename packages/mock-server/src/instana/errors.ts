import { json, type Reply } from '../reply.js';

/**
 * An Instana error answer: `{ errors: [message, …] }`, the 4xx body Instana's OpenAPI spec
 * (`instana/openapi` `spec/openapi.yaml`) documents for its other settings endpoints.
 */
export function instanaError(status: number, messages: readonly string[]): Reply {
  return json(status, { errors: [...messages] });
}

/**
 * A failed authentication: 401 `{ error: 'Unauthorized', message: 'Invalid API token' }`, the body
 * IBM's "Authenticating to the Instana REST API" page shows (its Japanese and Korean editions).
 */
export function unauthorized(): Reply {
  return json(401, { error: 'Unauthorized', message: 'Invalid API token' });
}
