import { RequestValidationError, TokenkitError } from './errors.js';

/** A token, or a function returning one (called for every attempt, so a refreshed token is used). */
export type TokenProvider = string | (() => string | Promise<string>);

/** Produces the `Authorization` header value for a request. */
export interface AuthStrategy {
  /** The scheme, e.g. `Bearer` or `apiToken`. */
  readonly scheme: string;
  /**
   * Resolves the token and returns the full header value (`<scheme> <token>`).
   * @throws RequestValidationError when the token is empty or contains whitespace or control
   *   characters; the message names the field, never the value.
   */
  authorization(): Promise<string>;
}

/** Options for {@link createTokenAuth}. */
export interface TokenAuthOptions {
  /** The scheme written before the token, e.g. `Bearer` (Losant) or `apiToken` (Instana). */
  scheme: string;
  /** The token, or a (possibly async) function returning the current token. */
  token: TokenProvider;
  /**
   * The name the caller knows the token by, used in validation messages.
   * @default 'token'
   */
  field?: string | undefined;
}

// Whitespace, C0/C1 controls and DEL; a token with any of them would corrupt the header.
function hasInvalidCharacter(token: string): boolean {
  for (const character of token) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(character)) return true;
  }
  return false;
}

function normalizeToken(raw: unknown, scheme: string, field: string): string {
  if (typeof raw !== 'string') {
    throw new RequestValidationError(`${field} must be a string`, { field });
  }
  let token = raw.trim();
  // Strip a scheme the caller pasted along with the token ("Bearer abc" for a Bearer strategy).
  // The scheme alone ("Bearer", or "Bearer " before trimming) is a token that is missing.
  const lower = token.toLowerCase();
  const schemeLower = scheme.toLowerCase();
  if (lower === schemeLower) token = '';
  else if (lower.startsWith(`${schemeLower} `)) token = token.slice(scheme.length + 1).trim();
  if (token === '') {
    throw new RequestValidationError(`${field} must not be empty`, { field });
  }
  if (hasInvalidCharacter(token)) {
    throw new RequestValidationError(`${field} must not contain whitespace or control characters`, {
      field,
    });
  }
  return token;
}

/**
 * An `Authorization: <scheme> <token>` strategy with a static token or an async provider.
 * A static token is checked at once; a provider's token on every call.
 *
 * @throws RequestValidationError (naming `field`, never showing the token) for an empty token
 *   (the scheme alone, such as `Bearer `, counts as empty) or one containing whitespace or
 *   control characters.
 * @example
 * const auth = createTokenAuth({ scheme: 'Bearer', token: process.env.LOSANT_ACCESS_TOKEN!, field: 'accessToken' });
 * const refreshing = createTokenAuth({ scheme: 'apiToken', token: () => vault.read('instana') });
 */
export function createTokenAuth(options: TokenAuthOptions): AuthStrategy {
  const { scheme, token } = options;
  const field = options.field ?? 'token';
  if (!/^[A-Za-z][\w.+-]*$/.test(scheme)) {
    throw new RequestValidationError('scheme must be a single word such as Bearer', {
      field: 'scheme',
    });
  }
  if (typeof token === 'function') {
    return {
      scheme,
      async authorization() {
        let value: unknown;
        try {
          value = await token();
        } catch (error) {
          // Surface the provider's own failure as ours, so callers handle one error family.
          const reason = error instanceof Error ? error.message : String(error);
          throw new TokenkitError(`The ${field} provider failed: ${reason}`);
        }
        return `${scheme} ${normalizeToken(value, scheme, field)}`;
      },
    };
  }
  const header = `${scheme} ${normalizeToken(token, scheme, field)}`;
  return {
    scheme,
    authorization: () => Promise.resolve(header),
  };
}
