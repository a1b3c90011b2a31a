import type { RequestOptions } from '@tokenkit/core';
import { newApiToken } from '@tokenkit/instana';
import type { LosantStoreOwner } from '@tokenkit/mock-server';
import { expect } from 'vitest';
import type { Fixture } from './fixture.js';

/** One of the three Losant token owners, as the client's params and the mock's store name it. */
export interface LosantOwnerCase {
  /** `instance`, `application` or `user`: also the prefix of its resources (`instanceApiTokens`). */
  readonly kind: 'instance' | 'application' | 'user';
  /** The owner part of the params (`{ instanceId }`, `{ applicationId }` or `{}`). */
  params(fixture: Fixture): Record<string, string>;
  /** The owner as `mock.store.losant` takes it. */
  store(fixture: Fixture): LosantStoreOwner;
}

/** The three Losant owners. */
export const losantOwners: readonly LosantOwnerCase[] = [
  {
    kind: 'instance',
    params: (f) => ({ instanceId: f.instanceId }),
    store: (f) => ({ instanceId: f.instanceId }),
  },
  {
    kind: 'application',
    params: (f) => ({ applicationId: f.applicationId }),
    store: (f) => ({ applicationId: f.applicationId }),
  },
  { kind: 'user', params: () => ({}), store: () => 'user' },
];

/** An operation made ready against one fixture: its call, and how to read its effect. */
export interface PreparedCall {
  /** Runs the operation with per-call options. */
  call(options?: RequestOptions): Promise<unknown>;
  /** Asserts what a successful call must have returned. */
  checkResult(result: unknown): void;
  /** Whether the server applied the operation's change (always false for reads). */
  applied(): boolean;
}

/** One idempotent operation of either client. */
export interface IdempotentOperation {
  /** `losant instanceApiToken.get`, `instana putApiToken`, … */
  readonly name: string;
  /** The mock's operation name, used to target faults and count attempts. */
  readonly route: string;
  readonly method: 'GET' | 'PUT' | 'DELETE';
  /** Whether a successful answer has a body (Instana's DELETE answers 204). */
  readonly hasBody: boolean;
  /** Seeds what the operation needs (through the store, not HTTP) and returns the call. */
  prepare(fixture: Fixture): PreparedCall;
}

function seedLosant(fixture: Fixture, owner: LosantOwnerCase) {
  const [token] = fixture.mock.store.losant.add(owner.store(fixture), 1);
  if (token === undefined) throw new Error('store.losant.add returned nothing');
  fixture.watch.secret(token.token);
  return token;
}

function seedInstana(fixture: Fixture) {
  const [token] = fixture.mock.store.instana.add(1);
  if (token === undefined) throw new Error('store.instana.add returned nothing');
  fixture.watch.secret(token.accessGrantingToken);
  return token;
}

function losantOperations(owner: LosantOwnerCase): IdempotentOperation[] {
  const list = `${owner.kind}ApiTokens.get`;
  const get = `${owner.kind}ApiToken.get`;
  const remove = `${owner.kind}ApiToken.delete`;
  return [
    {
      name: `losant ${list}`,
      route: list,
      method: 'GET',
      hasBody: true,
      prepare(f) {
        const token = seedLosant(f, owner);
        const resource = f.losant[`${owner.kind}ApiTokens`];
        return {
          call: (options) => resource.get(owner.params(f) as never, options),
          checkResult(result) {
            const ids = (result as { items: { id: string }[] }).items.map((item) => item.id);
            expect(ids).toContain(token.id);
          },
          applied: () => false,
        };
      },
    },
    {
      name: `losant ${get}`,
      route: get,
      method: 'GET',
      hasBody: true,
      prepare(f) {
        const token = seedLosant(f, owner);
        const resource = f.losant[`${owner.kind}ApiToken`];
        return {
          call: (options) =>
            resource.get({ ...owner.params(f), apiTokenId: token.id } as never, options),
          checkResult(result) {
            expect(result).toMatchObject({ id: token.id, name: token.name });
            expect(result).not.toHaveProperty('token');
          },
          applied: () => false,
        };
      },
    },
    {
      name: `losant ${remove}`,
      route: remove,
      method: 'DELETE',
      hasBody: true,
      prepare(f) {
        const token = seedLosant(f, owner);
        const resource = f.losant[`${owner.kind}ApiToken`];
        const applied = () => f.mock.store.losant.get(owner.store(f), token.id) === undefined;
        return {
          call: (options) =>
            resource.delete({ ...owner.params(f), apiTokenId: token.id } as never, options),
          checkResult(result) {
            expect(result).toEqual({ success: true });
            expect(applied()).toBe(true);
          },
          applied,
        };
      },
    },
  ];
}

const instanaOperations: IdempotentOperation[] = [
  {
    name: 'instana getApiTokens',
    route: 'getApiTokens',
    method: 'GET',
    hasBody: true,
    prepare(f) {
      const token = seedInstana(f);
      return {
        call: (options) => f.instana.apiTokens.getApiTokens(options),
        checkResult(result) {
          const ids = (result as { internalId: string }[]).map((item) => item.internalId);
          expect(ids).toEqual([token.internalId]);
        },
        applied: () => false,
      };
    },
  },
  {
    name: 'instana getApiToken',
    route: 'getApiToken',
    method: 'GET',
    hasBody: true,
    prepare(f) {
      const token = seedInstana(f);
      return {
        call: (options) => f.instana.apiTokens.getApiToken(token.internalId, options),
        checkResult(result) {
          expect(result).toMatchObject({ internalId: token.internalId, name: token.name });
        },
        applied: () => false,
      };
    },
  },
  {
    name: 'instana putApiToken',
    route: 'putApiToken',
    method: 'PUT',
    hasBody: true,
    prepare(f) {
      const token = seedInstana(f);
      const body = {
        ...newApiToken({ name: 'renamed by PUT', canConfigureAgents: true }),
        internalId: token.internalId,
      };
      f.watch.secret(body.accessGrantingToken);
      const applied = () => f.mock.store.instana.get(token.internalId)?.name === 'renamed by PUT';
      return {
        call: (options) => f.instana.apiTokens.putApiToken(token.internalId, body, options),
        checkResult(result) {
          expect(result).toMatchObject({
            internalId: token.internalId,
            name: 'renamed by PUT',
            canConfigureAgents: true,
          });
          expect(applied()).toBe(true);
          // Upserted in place: still exactly one token.
          expect(f.mock.store.instana.list()).toHaveLength(1);
        },
        applied,
      };
    },
  },
  {
    name: 'instana deleteApiToken',
    route: 'deleteApiToken',
    method: 'DELETE',
    hasBody: false,
    prepare(f) {
      const token = seedInstana(f);
      const applied = () => f.mock.store.instana.get(token.internalId) === undefined;
      return {
        call: (options) => f.instana.apiTokens.deleteApiToken(token.internalId, options),
        checkResult(result) {
          expect(result).toBeUndefined();
          expect(applied()).toBe(true);
        },
        applied,
      };
    },
  },
];

/** Every idempotent operation of both clients: 9 Losant, 4 Instana. */
export const idempotentOperations: readonly IdempotentOperation[] = [
  ...losantOwners.flatMap(losantOperations),
  ...instanaOperations,
];

/** How many requests the mock saw for one operation. */
export function attempts(fixture: Fixture, route: string): number {
  return fixture.mock.requests.filter((entry) => entry.operation === route).length;
}
