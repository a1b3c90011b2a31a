import type { RequestOptions } from '../request-types.js';

/** What a replacement may differ in from the token it replaces; anything left out is kept. */
export interface ReplacementOverrides<Draft = unknown> {
  /** The replacement's name. @default the old token's name */
  name?: string | undefined;
  /**
   * When the replacement expires (ISO 8601), or `null` for never.
   * @default the old token's lifetime (Losant: its expiry span counted from now; Instana: its `expiresOn`)
   */
  expiresAt?: string | null | undefined;
  /** The replacement's status, where the vendor has one (Losant). @default the old token's status */
  status?: 'active' | 'inactive' | undefined;
  /**
   * Fields of the vendor's create body to set as given rather than carry over (Losant: `scope`,
   * `description`; Instana: permission flags), so a rotation can move a token into declared
   * settings. A field given here is not reported as kept; one given as `undefined` is left out.
   * The store refuses the fields it chooses itself (Instana's `internalId` and secret).
   * @default undefined (every field is carried over)
   */
  draft?: { [Field in keyof Draft]?: Draft[Field] | undefined } | undefined;
}

/** A token just created, with the secret the server holds for it. */
export interface CreatedToken<Token> {
  /** The token as the server stored it. */
  token: Token;
  /** Its secret: the one the server holds (never a differing echo), shown this one time. */
  secret: string;
}

/** What a replacement check with its own secret found. */
export type Verification = 'valid' | 'limited' | 'skipped';

/**
 * One vendor's tokens of one owner, as the lifecycle engine needs them. Each vendor package
 * supplies one per owner (`losantTokenStore`, `instanaTokenStore`).
 */
export interface TokenStore<Token, Draft> {
  /** What the tokens are, for messages: `Losant API token of application 5f0c…`. */
  readonly label: string;
  /** The token's id, as the other calls take it. */
  idOf(token: Token): string;
  /** Reads one token; a missing one throws `NotFoundError`. */
  read(id: string, options?: RequestOptions): Promise<Token>;
  /**
   * Creates exactly one token and returns it with the secret the server holds. A lost answer
   * (see `isCreateAnswerLost`) is settled here: the token it made is found by something this
   * call itself chose, never by name and time alone.
   * @throws CreateOutcomeUnknownError when that cannot be settled; nothing was deleted.
   */
  create(draft: Draft, options?: RequestOptions): Promise<CreatedToken<Token>>;
  /** Changes what the vendor lets change after creation. */
  update(id: string, patch: Partial<Draft>, options?: RequestOptions): Promise<Token>;
  /** Deletes one token: `absent` when it was not there (any more). */
  remove(id: string, options?: RequestOptions): Promise<'deleted' | 'absent'>;
  /** Makes the token stop working without deleting it, where the vendor can (Losant). */
  deactivate?(id: string, options?: RequestOptions): Promise<void>;
  /**
   * One cheap authenticated read with `secret`: `valid`; `limited` when the server answers 403
   * (authenticated, but the token may not read that); `skipped` for a token that cannot
   * authenticate by design (an inactive one).
   * @throws AuthenticationError on a 401: the secret does not work.
   */
  verify(secret: string, token: Token, options?: RequestOptions): Promise<Verification>;
  /**
   * The replacement of `old`: its name, description, scope or permissions, status and lifetime,
   * with `overrides` applied (`overrides.draft` last); `kept` names the fields carried over, for
   * output, and never one that `overrides` set.
   * @throws RequestValidationError for an override this vendor does not have.
   */
  replacement(old: Token, overrides: ReplacementOverrides<Draft>): { draft: Draft; kept: string[] };
}

/** What becomes of the old token once the replacement is delivered and verified. */
export type RevokeMode = 'delete' | 'deactivate' | 'keep';

/** Hands the replacement's secret to where it is used; a throw or rejection is a failed delivery. */
export type Deliver<Token> = (secret: string, created: Token) => unknown;

/** What {@link rotateToken} takes. */
export interface RotateParams<Token, Draft = unknown> {
  /** The id of the token to rotate. */
  id: string;
  /** Receives the new secret; awaited before anything is revoked. */
  deliver: Deliver<Token>;
  /** What becomes of the old token. @default 'delete' */
  revoke?: RevokeMode | undefined;
  /** How the replacement differs from the old token. @default {} (it keeps everything) */
  overrides?: ReplacementOverrides<Draft> | undefined;
  /**
   * Stops the rotation: before delivery completed, the replacement is deleted and the old token
   * left untouched; after it, nothing more is done (both tokens work).
   * @default undefined
   */
  signal?: AbortSignal | undefined;
}

/** What a rotation did. */
export interface Rotation<Token> {
  /** The replacement as the server stored it. */
  created: Token;
  /** The replacement's secret, as delivered. */
  secret: string;
  /** The old token as it was read before the rotation. */
  old: Token;
  /** What became of the old token. */
  revoked: 'deleted' | 'deactivated' | 'kept';
  /** What the check of the new secret found (`skipped` for an inactive replacement). */
  verified: Verification;
  /** The fields the replacement carried over from the old token. */
  kept: string[];
}
