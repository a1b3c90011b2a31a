/** Which of a Losant account's three token owners an entry belongs to. */
export type LosantOwner =
  | { readonly kind: 'application'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'user' };

/** A new or rotated token's lifetime: a span counted from the moment it is made, or a date. */
export type Lifetime =
  | { readonly kind: 'duration'; readonly ms: number; readonly text: string }
  | { readonly kind: 'date'; readonly at: Date; readonly text: string };

/**
 * Where a new secret goes: a file written with mode 0600 (`out`, an absolute path), or a shell
 * command that reads it on its stdin (`exec`, run in the tokens file's folder).
 */
export type DeliveryTarget =
  | { readonly out: string }
  | { readonly exec: string; readonly cwd: string };

/** What every declared token has, whichever the vendor. */
export interface EntryBase {
  /** Where the entry is in the file, for messages: `losant[4] (p-new)`. */
  readonly label: string;
  readonly name: string;
  readonly expires: Lifetime | undefined;
  /** Rotate once the token is older than this many milliseconds. */
  readonly rotateAfterMs: number | undefined;
  /** `undefined` until someone fills it in (a file `tokenkit import` wrote). */
  readonly deliver: DeliveryTarget | undefined;
}

/** A declared Losant token. */
export interface LosantEntry extends EntryBase {
  readonly vendor: 'losant';
  readonly owner: LosantOwner;
  readonly scope: readonly string[];
  readonly description: string;
  readonly status: 'active' | 'inactive';
}

/** A declared Instana token (Instana's tokens belong to the tenant). */
export interface InstanaEntry extends EntryBase {
  readonly vendor: 'instana';
  readonly permissions: readonly string[];
}

/** One declared token. */
export type Entry = LosantEntry | InstanaEntry;

/** Where `--prune` may delete undeclared tokens, and nowhere else. */
export interface PruneScopes {
  readonly losant: readonly LosantOwner[];
  /** Globs (`*`, `?`) over Instana token names. */
  readonly instana: readonly string[];
}

/** A tokens file, checked and resolved (paths absolute). */
export interface TokensFile {
  readonly losant: readonly LosantEntry[];
  readonly instana: readonly InstanaEntry[];
  /** `undefined` when the file has no `prune` section. */
  readonly prune: PruneScopes | undefined;
}

/** A live Losant token, as the plan compares it. */
export interface LiveLosantToken {
  readonly vendor: 'losant';
  readonly owner: LosantOwner;
  readonly id: string;
  readonly name: string;
  readonly scope: readonly string[];
  readonly description: string;
  readonly status: 'active' | 'inactive';
  readonly createdAt: Date | undefined;
  readonly expiresAt: Date | undefined;
}

/** A live Instana token, as the plan compares it. */
export interface LiveInstanaToken {
  readonly vendor: 'instana';
  /** Its `internalId`. */
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly createdAt: Date | undefined;
  readonly expiresAt: Date | undefined;
  /** As the list shows it (Instana masks it). Never printed. */
  readonly shownSecret: string;
}

/** A live token of either vendor. */
export type LiveToken = LiveLosantToken | LiveInstanaToken;
