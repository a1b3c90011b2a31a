import type {
  ApiToken,
  ApiTokenPatchInput,
  ApiTokenPostInput,
  ApiTokens,
  CreatedApiToken,
  ListParams,
  LosantClient,
  PageIterator,
} from '@tokenkit/losant';
import { CliError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import { describeError, noTokenReachedLosant } from '../../output/describe-error.js';
import { storeOwner } from './owner.js';
import type { LosantOwner } from './types.js';

/** The token operations for one owner (create goes through {@link createOwnerToken}), whichever of the three resource pairs it maps to. */
export interface OwnerTokens {
  list(query: ListParams): Promise<ApiTokens>;
  iterate(query: ListParams): PageIterator<ApiToken, ApiTokens>;
  get(apiTokenId: string): Promise<ApiToken>;
  patch(apiTokenId: string, body: ApiTokenPatchInput): Promise<ApiToken>;
  remove(apiTokenId: string): Promise<unknown>;
}

/** What the client says about an action: its name and the scopes it accepts. */
interface ActionInfo {
  readonly action: string;
  readonly scopes: readonly string[];
}

/**
 * A 403 from Losant means the token lacks a scope (or no token reached Losant); the client knows
 * which scopes each action accepts, so the error can say exactly what to grant.
 */
export function explainForbidden(error: unknown, info: ActionInfo): unknown {
  if ((error as { status?: unknown } | null)?.status !== 403) return error;
  const { message } = describeError(error, 'losant');
  return new CliError(message, {
    exitCode: ExitCode.auth,
    hint: `${info.action} needs a token with one of: ${info.scopes.join(', ')}; or ${noTokenReachedLosant}`,
    cause: error,
  });
}

async function call<T>(info: ActionInfo, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw explainForbidden(error, info);
  }
}

function guardIterator(
  iterator: PageIterator<ApiToken, ApiTokens>,
  info: ActionInfo,
): PageIterator<ApiToken, ApiTokens> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* iterator;
      } catch (error) {
        throw explainForbidden(error, info);
      }
    },
    async *pages() {
      try {
        yield* iterator.pages();
      } catch (error) {
        throw explainForbidden(error, info);
      }
    },
  };
}

/** Binds the client's instance, application or user resources to one owner. */
export function ownerTokens(client: LosantClient, owner: LosantOwner): OwnerTokens {
  switch (owner.kind) {
    case 'instance': {
      const key = { instanceId: owner.id };
      const { instanceApiTokens: many, instanceApiToken: one } = client;
      return {
        list: (query) => call(many.get, () => many.get({ ...key, ...query })),
        iterate: (query) => guardIterator(many.iterate({ ...key, ...query }), many.get),
        get: (apiTokenId) => call(one.get, () => one.get({ ...key, apiTokenId })),
        patch: (apiTokenId, apiToken) =>
          call(one.patch, () => one.patch({ ...key, apiTokenId, apiToken })),
        remove: (apiTokenId) => call(one.delete, () => one.delete({ ...key, apiTokenId })),
      };
    }
    case 'application': {
      const key = { applicationId: owner.id };
      const { applicationApiTokens: many, applicationApiToken: one } = client;
      return {
        list: (query) => call(many.get, () => many.get({ ...key, ...query })),
        iterate: (query) => guardIterator(many.iterate({ ...key, ...query }), many.get),
        get: (apiTokenId) => call(one.get, () => one.get({ ...key, apiTokenId })),
        patch: (apiTokenId, apiToken) =>
          call(one.patch, () => one.patch({ ...key, apiTokenId, apiToken })),
        remove: (apiTokenId) => call(one.delete, () => one.delete({ ...key, apiTokenId })),
      };
    }
    case 'user': {
      const { userApiTokens: many, userApiToken: one } = client;
      return {
        list: (query) => call(many.get, () => many.get(query)),
        iterate: (query) => guardIterator(many.iterate(query), many.get),
        get: (apiTokenId) => call(one.get, () => one.get({ apiTokenId })),
        patch: (apiTokenId, apiToken) => call(one.patch, () => one.patch({ apiTokenId, apiToken })),
        remove: (apiTokenId) => call(one.delete, () => one.delete({ apiTokenId })),
      };
    }
  }
}

/**
 * Creates one token for `owner` exactly once, through the lifecycle engine and the owner's store
 * (a lost answer is settled by the store's one-time marker, never by name and time), and hands
 * it with its secret to `deliver` before resolving; a failed delivery deletes it
 * (`TokenDeliveryError`). A 403 names the scopes the create needs.
 */
export async function createOwnerToken(
  client: LosantClient,
  owner: LosantOwner,
  body: ApiTokenPostInput,
  deliver: (created: CreatedApiToken) => Promise<void>,
): Promise<void> {
  const { createToken, losantTokenStore } = await import('@tokenkit/losant');
  const resources = {
    instance: client.instanceApiTokens,
    application: client.applicationApiTokens,
    user: client.userApiTokens,
  };
  await call(resources[owner.kind].post, () =>
    createToken(losantTokenStore(client, storeOwner(owner)), body, {
      deliver: (secret, token) => deliver({ ...token, token: secret }),
    }),
  );
}
