import { createToken, type RequestOptions, rotateToken, type TokenStore } from '@tokenkit/core';
import {
  type ApiTokenInput,
  type InstanaClient,
  instanaTokenStore,
  newApiToken,
  permissionNames,
} from '@tokenkit/instana';
import {
  type ApiTokenPostInput,
  type LosantClient,
  type LosantTokenOwner,
  losantTokenStore,
} from '@tokenkit/losant';
import type { Entry, InstanaEntry, LiveToken, LosantEntry, LosantOwner } from './types.js';

/** Hands a new secret over; a throw is a failed delivery. */
export type HandOver = (secret: string) => Promise<void>;

/**
 * The calls apply makes on one vendor's tokens, all through `@tokenkit/core`'s lifecycle engine
 * and the vendor's token store.
 */
export interface TokenOperations<E extends Entry> {
  /**
   * Exactly-once create of the declared token (a lost answer is settled, never doubled), its
   * secret handed over before this resolves with the new id; a token whose secret could not be
   * handed over is deleted (`TokenDeliveryError`).
   */
  create(
    entry: E,
    expiresAt: Date | undefined,
    handOver: HandOver,
    options?: RequestOptions,
  ): Promise<string>;
  /** Brings the fields that change in place to the declared values; same id. */
  update(entry: E, id: string, options?: RequestOptions): Promise<void>;
  /**
   * Replaces `live` with a token of the declared settings through the engine's read, create,
   * deliver, verify, revoke; the old token is left as it was until it is revoked. Resolves with
   * the replacement's id. Serves both rotate and replace.
   */
  rotate(
    entry: E,
    live: LiveToken,
    handOver: HandOver,
    expiresAt: Date | undefined,
    options?: RequestOptions,
  ): Promise<string>;
  /** Deletes the token `id` of the owner of `of` (a declared or live token). */
  remove(of: Entry | LiveToken, id: string, options?: RequestOptions): Promise<void>;
}

/** The fields of a replacement set as declared, over what the old token had. */
type DeclaredFields<Draft> = { [Field in keyof Draft]?: Draft[Field] | undefined };

/** What differs between vendors: their store, and the declared token as a draft and a patch. */
interface VendorShape<E extends Entry, Token, Draft> {
  storeOf(of: Entry | LiveToken): TokenStore<Token, Draft>;
  draftOf(entry: E, expiresAt: Date | undefined): Draft;
  /** The declared fields a rotation sets on the replacement (the rest it carries over). */
  declaredOf(entry: E): DeclaredFields<Draft>;
  /** The fields that change in place. */
  patchOf(entry: E): Partial<Draft>;
  status(entry: E): 'active' | 'inactive' | undefined;
}

/** The operations over a vendor's store; one implementation for both vendors. */
function engineOperations<E extends Entry, Token, Draft>(
  vendor: VendorShape<E, Token, Draft>,
): TokenOperations<E> {
  return {
    async create(entry, expiresAt, handOver, options) {
      const store = vendor.storeOf(entry);
      const draft = vendor.draftOf(entry, expiresAt);
      const { token } = await createToken(store, draft, { ...options, deliver: handOver });
      return store.idOf(token);
    },
    async update(entry, id, options) {
      await vendor.storeOf(entry).update(id, vendor.patchOf(entry), options);
    },
    async rotate(entry, live, handOver, expiresAt, options) {
      const store = vendor.storeOf(entry);
      const status = vendor.status(entry);
      const rotation = await rotateToken(
        store,
        {
          id: live.id,
          deliver: (secret) => handOver(secret),
          overrides: {
            ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.toISOString() }),
            ...(status === undefined ? {} : { status }),
            draft: vendor.declaredOf(entry),
          },
        },
        options,
      );
      return store.idOf(rotation.created);
    },
    async remove(of, id, options) {
      await vendor.storeOf(of).remove(id, options);
    },
  };
}

function losantOwner(owner: LosantOwner): LosantTokenOwner {
  if (owner.kind === 'application') return { applicationId: owner.id };
  if (owner.kind === 'instance') return { instanceId: owner.id };
  return { user: true };
}

/** Losant: one store per owner; its create settles a lost answer by a one-time marker. */
export function losantOperations(client: LosantClient): TokenOperations<LosantEntry> {
  return engineOperations({
    storeOf: (of) =>
      losantTokenStore(client, losantOwner('owner' in of ? of.owner : { kind: 'user' })),
    draftOf: (entry, expiresAt): ApiTokenPostInput => ({
      name: entry.name,
      // Checked against Losant's scope list when the file was read.
      scope: [...entry.scope] as ApiTokenPostInput['scope'],
      status: entry.status,
      ...(entry.description === '' ? {} : { description: entry.description }),
      ...(expiresAt === undefined ? {} : { expirationDate: expiresAt.toISOString() }),
    }),
    declaredOf: (entry) => ({
      scope: [...entry.scope] as ApiTokenPostInput['scope'],
      description: entry.description === '' ? undefined : entry.description,
    }),
    patchOf: (entry) => ({ description: entry.description, status: entry.status }),
    status: (entry) => entry.status,
  });
}

/** Every permission set as declared: the granted ones true, all others false. */
function declaredFlags(entry: InstanaEntry): Record<string, boolean> {
  const granted = new Set(entry.permissions);
  return Object.fromEntries(permissionNames.map((name) => [name, granted.has(name)]));
}

/**
 * Instana: the tenant's one store; the client chooses `internalId` and the secret, so a lost
 * answer is settled by reading that `internalId`, and the secret delivered is the one sent.
 */
export function instanaOperations(client: InstanaClient): TokenOperations<InstanaEntry> {
  const store = instanaTokenStore(client);
  return engineOperations({
    storeOf: () => store,
    draftOf: (entry, expiresAt): ApiTokenInput => ({
      ...newApiToken({ name: entry.name, ...declaredFlags(entry) }),
      expiresOn: expiresAt === undefined ? null : expiresAt.getTime(),
    }),
    declaredOf: (entry) => declaredFlags(entry),
    patchOf: (entry) => declaredFlags(entry),
    status: () => undefined,
  });
}
