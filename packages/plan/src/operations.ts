import { type InstanaClient, newApiToken, permissionNames } from '@tokenkit/instana';
import type { ApiTokenPostInput, LosantClient, RequestOptions } from '@tokenkit/losant';
import { ownerCalls } from './owner-calls.js';
import type { Entry, InstanaEntry, LiveToken, LosantEntry, LosantOwner } from './types.js';

/** A token just made, with its secret (held only until it is delivered). */
export interface Made {
  readonly id: string;
  readonly secret: string;
}

/** The calls apply makes on one vendor's tokens. */
export interface TokenOperations<E> {
  /** Exactly-once create of the declared token: a lost answer is settled, never doubled. */
  create(entry: E, expiresAt: Date | undefined, options?: RequestOptions): Promise<Made>;
  /** Brings the fields that change in place to the declared values; same id. */
  update(entry: E, id: string, options?: RequestOptions): Promise<void>;
  /** Deletes the token `id` of the owner of `of` (a declared or live token). */
  remove(of: Entry | LiveToken, id: string, options?: RequestOptions): Promise<void>;
}

/**
 * Losant: `…ApiTokens.post` settles a lost answer itself (it finds and deletes the token the
 * lost call made, or throws `CreateOutcomeUnknownError` naming the candidates).
 */
export function losantOperations(client: LosantClient): TokenOperations<LosantEntry> {
  return {
    async create(entry, expiresAt, options) {
      const apiToken: ApiTokenPostInput = {
        name: entry.name,
        // Checked against Losant's scope list when the file was read.
        scope: [...entry.scope] as ApiTokenPostInput['scope'],
        status: entry.status,
        ...(entry.description === '' ? {} : { description: entry.description }),
        ...(expiresAt === undefined ? {} : { expirationDate: expiresAt.toISOString() }),
      };
      const created = await ownerCalls(client, entry.owner).post(apiToken, options);
      return { id: created.id ?? '', secret: created.token };
    },
    async update(entry, id, options) {
      const apiToken = { description: entry.description, status: entry.status };
      await ownerCalls(client, entry.owner).patch(id, apiToken, options);
    },
    async remove(of, id, options) {
      const owner: LosantOwner = 'owner' in of ? of.owner : { kind: 'user' };
      await ownerCalls(client, owner).remove(id, options);
    },
  };
}

/** Every permission set as declared: the granted ones true, all others false. */
function declaredFlags(entry: InstanaEntry): Record<string, boolean> {
  const granted = new Set(entry.permissions);
  return Object.fromEntries(permissionNames.map((name) => [name, granted.has(name)]));
}

/**
 * Instana: the client chooses `internalId` and the secret, so `postApiToken` settles a lost
 * answer by looking the token up, and the secret is the one generated here.
 */
export function instanaOperations(client: InstanaClient): TokenOperations<InstanaEntry> {
  return {
    async create(entry, expiresAt, options) {
      const body = {
        ...newApiToken({ name: entry.name, ...declaredFlags(entry) }),
        expiresOn: expiresAt === undefined ? null : expiresAt.getTime(),
      };
      await client.apiTokens.postApiToken(body, options);
      return { id: body.internalId, secret: body.accessGrantingToken };
    },
    async update(entry, id, options) {
      const current = await client.apiTokens.getApiToken(id, options);
      await client.apiTokens.putApiToken(id, { ...current, ...declaredFlags(entry) }, options);
    },
    async remove(_entry, id, options) {
      await client.apiTokens.deleteApiToken(id, options);
    },
  };
}
