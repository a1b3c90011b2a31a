import type { Clock } from '../clock.js';
import type { InstanaApiToken, InstanaTokenSeed } from '../models.js';
import type { RandomSource } from '../random.js';
import { normalizeToken } from './token.js';

/** The in-memory Instana data: the listed tokens, plus the seeded credential outside the list. */
export interface InstanaStore {
  /** The seeded credential (canConfigureApiTokens); never listed, never deletable. */
  readonly credential: InstanaApiToken;
  list(): InstanaApiToken[];
  get(internalId: string): InstanaApiToken | undefined;
  /** Finds a token by its secret, the seeded credential included. */
  bySecret(secret: string): InstanaApiToken | undefined;
  /** Whether another token (not `internalId`) already uses `secret`. */
  secretTaken(secret: string, internalId?: string): boolean;
  /** Inserts or replaces by internalId. */
  put(token: InstanaApiToken): void;
  remove(internalId: string): boolean;
  /** Fills in and adds seeds (a count or partial tokens); throws on a duplicate. */
  addSeeds(seeds: number | readonly InstanaTokenSeed[]): InstanaApiToken[];
  /** Records a successful authentication (`lastUsedOn`). */
  touch(token: InstanaApiToken): void;
  reset(): void;
}

/** The `createdBy` of tokens made with the seeded credential or through the store. */
export const SEEDED_CREATOR = 'tokenkit-mock@example.com';

/** Creates the Instana store; `credential` is the seeded API token's secret. */
export function createInstanaStore(
  credential: string,
  random: RandomSource,
  clock: Clock,
): InstanaStore {
  const tokens = new Map<string, InstanaApiToken>();
  const secrets = new Map<string, string>();
  const seeded = normalizeToken(
    {
      accessGrantingToken: credential,
      internalId: `tokenkit-mock-${random.hex(6)}`,
      name: 'tokenkit mock credential',
      canConfigureApiTokens: true,
    },
    { id: random.hex(12), createdBy: SEEDED_CREATOR, createdOn: clock() },
  );

  const store: InstanaStore = {
    credential: seeded,
    list: () => [...tokens.values()],
    get: (internalId) => tokens.get(internalId),
    bySecret(secret) {
      if (secret === seeded.accessGrantingToken) return seeded;
      const internalId = secrets.get(secret);
      return internalId === undefined ? undefined : tokens.get(internalId);
    },
    secretTaken(secret, internalId) {
      if (secret === seeded.accessGrantingToken) return true;
      const owner = secrets.get(secret);
      return owner !== undefined && owner !== internalId;
    },
    put(token) {
      const previous = tokens.get(token.internalId);
      if (previous !== undefined) secrets.delete(previous.accessGrantingToken);
      tokens.set(token.internalId, token);
      secrets.set(token.accessGrantingToken, token.internalId);
    },
    remove(internalId) {
      const token = tokens.get(internalId);
      if (token === undefined) return false;
      tokens.delete(internalId);
      secrets.delete(token.accessGrantingToken);
      return true;
    },
    addSeeds(seeds) {
      const list = typeof seeds === 'number' ? Array.from({ length: seeds }, () => ({})) : seeds;
      const made = list.map((seed: InstanaTokenSeed) => {
        const internalId = seed.internalId ?? random.hex(10);
        const token = normalizeToken(
          {
            ...seed,
            internalId,
            accessGrantingToken: seed.accessGrantingToken ?? random.hex(16),
            name: seed.name ?? `Token ${internalId.slice(-6)}`,
          },
          {
            id: seed.id ?? random.hex(12),
            createdBy: seed.createdBy ?? SEEDED_CREATOR,
            createdOn: seed.createdOn ?? clock(),
            ...(seed.lastUsedOn === undefined ? {} : { lastUsedOn: seed.lastUsedOn }),
          },
        );
        if (tokens.has(token.internalId) || store.secretTaken(token.accessGrantingToken)) {
          throw new TypeError(
            `an Instana token with internalId ${internalId} or its secret exists`,
          );
        }
        store.put(token);
        return token;
      });
      return made;
    },
    touch(token) {
      token.lastUsedOn = clock();
    },
    reset() {
      tokens.clear();
      secrets.clear();
    },
  };
  return store;
}
