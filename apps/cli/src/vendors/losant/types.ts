/**
 * The fields of a Losant API token the CLI reads. Structural on purpose: it accepts the
 * `@tokenkit/losant` result types and anything else the API adds (unknown keys pass through).
 */
export interface LosantToken {
  id?: string | undefined;
  apiTokenId?: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
  status?: string | undefined;
  scope?: readonly string[] | undefined;
  expirationDate?: string | undefined;
  creationDate?: string | undefined;
  lastUpdated?: string | undefined;
  /** The secret: present only in the answer to a create. */
  token?: string | undefined;
  [key: string]: unknown;
}

/** Whose tokens a Losant command works on: exactly one of these. */
export type LosantOwner =
  | { kind: 'instance'; id: string }
  | { kind: 'application'; id: string }
  | { kind: 'user' };

/** The token id, whichever of `id`/`apiTokenId` the server filled. */
export function losantTokenId(token: LosantToken): string {
  return token.id ?? token.apiTokenId ?? '';
}

/** A Losant token as the API returned it, without the secret (`--json` shows these). */
export type LosantTokenJson = Omit<LosantToken, 'token'>;

/** A token without its secret: what every output except a create's shows. */
export function publicToken(token: LosantToken): LosantToken {
  const { token: _secret, ...rest } = token;
  return rest;
}
