/**
 * Answers that break the contract: a known field of the wrong type (seeded straight into the
 * mock's store) is a `ResponseValidationError` naming its path, after one attempt, and never
 * carries a secret that was in the same body.
 */
import { ResponseValidationError } from '@tokenkit/core';
import { newApiToken } from '@tokenkit/instana';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { attempts } from './helpers/operations.js';
import { describeOutcome, type Outcome, settle } from './helpers/outcome.js';

let f: Fixture;

beforeEach(async () => {
  f = await startFixture();
});

afterEach(async () => {
  expect(f.watch.leaks()).toEqual([]);
  await f.close();
});

function expectContractError(outcome: Outcome, path: string): ResponseValidationError {
  expect(outcome.ok, describeOutcome(outcome)).toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(error, describeOutcome(outcome)).toBeInstanceOf(ResponseValidationError);
  const contract = error as ResponseValidationError;
  expect(contract.status).toBe(200);
  expect(contract.issues.map((issue) => issue.path)).toContain(path);
  expect(contract.message).toContain(path);
  return contract;
}

describe('a known field of the wrong type is a ResponseValidationError with its path', () => {
  test('losant instanceApiToken.get: status outside its enum', async () => {
    const [token] = f.mock.store.losant.add({ instanceId: f.instanceId }, [
      { status: 'paused' as never },
    ]);
    f.watch.secret(token?.token);
    const outcome = await settle(f.watch, () =>
      f.losant.instanceApiToken.get({ instanceId: f.instanceId, apiTokenId: String(token?.id) }),
    );
    expectContractError(outcome, 'status');
    expect(attempts(f, 'instanceApiToken.get')).toBe(1);
  });

  test('losant applicationApiTokens.get: the bad field is named inside the list', async () => {
    const tokens = f.mock.store.losant.add({ applicationId: f.applicationId }, [
      {},
      { status: 'revoked' as never },
    ]);
    for (const token of tokens) f.watch.secret(token.token);
    const outcome = await settle(f.watch, () =>
      f.losant.applicationApiTokens.get({ applicationId: f.applicationId, sortField: 'id' }),
    );
    // Listed by id, ascending: the bad token's place in that order.
    const byId = tokens.map((token) => token).sort((a, b) => a.id.localeCompare(b.id));
    const index = byId.findIndex((token) => token.status === ('revoked' as never));
    expect(index).toBeGreaterThanOrEqual(0);
    expectContractError(outcome, `items[${index}].status`);
  });

  test('instana getApiTokens: a timestamp that is not a number', async () => {
    const [token] = f.mock.store.instana.add([{ createdOn: '2026-01-01' as never }]);
    f.watch.secret(token?.accessGrantingToken);
    const outcome = await settle(f.watch, () => f.instana.apiTokens.getApiTokens());
    expectContractError(outcome, '[0].createdOn');
    expect(attempts(f, 'getApiTokens')).toBe(1);
  });

  test('instana putApiToken: the answer echoes the new secret; the error does not', async () => {
    const [stored] = f.mock.store.instana.add([{ createdOn: 'yesterday' as never }]);
    f.watch.secret(stored?.accessGrantingToken);
    const internalId = String(stored?.internalId);
    const body = { ...newApiToken({ name: 'rotated', canConfigureAgents: true }), internalId };
    f.watch.secret(body.accessGrantingToken);
    const outcome = await settle(f.watch, () => f.instana.apiTokens.putApiToken(internalId, body));
    expectContractError(outcome, 'createdOn');
    // The server did store the change: the caller learns that from a GET, not from a retry.
    expect(f.mock.store.instana.get(internalId)?.name).toBe('rotated');
    expect(attempts(f, 'putApiToken')).toBe(1);
  });
});
