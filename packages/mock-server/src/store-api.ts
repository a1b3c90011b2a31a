import type { RateLimiter } from './instana/rate-limit.js';
import type { InstanaStore } from './instana/store.js';
import { type LosantStore, withoutSecret } from './losant/store.js';
import type { MockStore } from './types.js';

/**
 * The public `mock.store`: seeding and inspection without HTTP. Everything handed out is a copy,
 * so a test cannot change the server's data by mutating a result.
 */
export function createStoreApi(
  losant: LosantStore,
  instana: InstanaStore,
  rateLimiter: RateLimiter,
): MockStore {
  const { userId, userName } = losant.seed;
  const creator = { id: userId, type: 'user', name: userName } as const;
  return {
    losant: {
      add(owner, tokens) {
        const ref = losant.owner(owner);
        losant.register(ref);
        const seeds = typeof tokens === 'number' ? blanks(tokens) : tokens;
        return seeds.map((seed) => structuredClone(losant.create(ref, seed, creator)));
      },
      list: (owner) =>
        losant.tokens(losant.owner(owner)).map((t) => structuredClone(withoutSecret(t))),
      get(owner, apiTokenId) {
        const token = losant.get(losant.owner(owner), apiTokenId);
        return token === undefined ? undefined : structuredClone(withoutSecret(token));
      },
      remove: (owner, apiTokenId) => losant.remove(losant.owner(owner), apiTokenId),
      addApplications(applications, options = {}) {
        const { tokensEach = 0, orgId, organizationName } = options;
        if (!Number.isSafeInteger(tokensEach) || tokensEach < 0) {
          throw new TypeError(`tokensEach must be a non-negative integer, got ${tokensEach}`);
        }
        const org = orgId === undefined ? undefined : losant.organization(orgId, organizationName);
        const seeds = typeof applications === 'number' ? blanks(applications) : applications;
        return seeds.map((seed) => {
          const application = losant.addApplication(seed, org);
          const ref = { kind: 'application', id: application.id } as const;
          for (const token of blanks(tokensEach)) losant.create(ref, token, creator);
          return structuredClone(application);
        });
      },
      listApplications: () => losant.applications().map((a) => structuredClone(a)),
    },
    instana: {
      add: (tokens) => instana.addSeeds(tokens).map((token) => structuredClone(token)),
      list: () => instana.list().map((token) => structuredClone(token)),
      get(internalId) {
        const token = instana.get(internalId);
        return token === undefined ? undefined : structuredClone(token);
      },
      remove: (internalId) => instana.remove(internalId),
    },
    reset() {
      losant.reset();
      instana.reset();
      rateLimiter.reset();
    },
  };
}

/** `count` empty seeds: every field generated. */
function blanks(count: number): Record<string, never>[] {
  return Array.from({ length: count }, () => ({}));
}
