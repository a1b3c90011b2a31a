import type { OwnerTokenCalls } from './owner-calls.js';

type Params = Readonly<Record<string, unknown>>;

/**
 * How a client reaches one owner's tokens: the calls for an owner (its id and global params) and
 * the owner's name in messages. A store is built from it only when one is asked for, so the
 * lifecycle code is loaded (and, where a bundler splits the code, downloaded) only by a
 * rotation or by `losantTokenStore`.
 */
export interface OwnerAccess {
  calls(owner: Params): OwnerTokenCalls;
  label(owner: Params): string;
}

/** The access to the tokens of a client's three owners. */
export interface ClientOwners {
  instance: OwnerAccess;
  application: OwnerAccess;
  user: OwnerAccess;
}
