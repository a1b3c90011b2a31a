/** Who a credential belongs to and when it expires, as far as the API or the token tells. */
export interface IdentityJson {
  /** The token's name, when its own record could be read. */
  name?: string;
  /** The token's id (Losant: also the JWT's subject). */
  id?: string;
  /** Whose token it is: `user`, `application 5f0c…`, … */
  owner?: string;
  /** When it expires (ISO 8601); `null`: never; absent: not known. */
  expires?: string | null;
  /** Where these facts came from. */
  source: 'token record' | 'token claims';
}
