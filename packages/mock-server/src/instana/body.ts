import { apiToken } from '@tokenkit/schemas/instana';
import type { Reply } from '../reply.js';
import { instanaError } from './errors.js';
import type { ClientFields } from './token.js';

/** A POST/PUT body that passed the schemas' `ApiToken`, or the 400 to answer. */
export type ParsedBody = { ok: true; value: ClientFields } | { ok: false; reply: Reply };

/**
 * Parses and checks a POST/PUT body. A failure lists one message per issue, each prefixed with
 * the field's path (`name: is required`), in Instana's `{ errors: [...] }` body; Instana
 * publishes no wording for these endpoints' 400s.
 */
export function parseBody(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reply: instanaError(400, ['Request body must be a JSON ApiToken.']) };
  }
  const result = apiToken.safeParse(value);
  if (result.success) return { ok: true, value: result.data as ClientFields };
  const messages = result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  return { ok: false, reply: instanaError(400, messages) };
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}
