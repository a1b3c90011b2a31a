import { describe, expect, it } from 'vitest';
import { type ApiToken, RequestValidationError, RotationError } from '../src/index.js';
import { useMock } from './helpers/mock.js';

const env = useMock();

/** A `deliver` that keeps what it was handed. */
function inbox() {
  const received: { secret: string; created: ApiToken }[] = [];
  const deliver = (secret: string, created: ApiToken) => {
    received.push({ secret, created });
  };
  return { received, deliver };
}

const day = 86_400_000;

describe('rotate on each owner', () => {
  it('user token: replacement with the old scope, description and lifetime; old deleted', async () => {
    const old = await env.losant.userApiTokens.post({
      apiToken: {
        name: 'laptop',
        description: 'my laptop',
        scope: ['all.User.read', 'userApiTokens.get'],
        expirationDate: new Date(Date.now() + 30 * day).toISOString(),
      },
    });
    const { received, deliver } = inbox();
    const result = await env.losant.userApiToken.rotate({ apiTokenId: old.id!, deliver });

    expect(result.revoked).toBe('deleted');
    expect(result.verified).toBe('valid');
    expect(result.kept).toEqual(['name', 'description', 'scope', 'status', 'expirationDate']);
    expect(result.old.id).toBe(old.id);
    expect(received).toEqual([{ secret: result.secret, created: result.created }]);
    expect(result.created).toMatchObject({
      name: 'laptop',
      description: 'my laptop',
      scope: ['all.User.read', 'userApiTokens.get'],
    });
    const lifetime =
      Date.parse(result.created.expirationDate!) - Date.parse(result.created.creationDate!);
    expect(Math.abs(lifetime - 30 * day)).toBeLessThan(60_000);
    expect(env.mock.store.losant.list('user').map((token) => token.id)).toEqual([
      result.created.id,
    ]);
    await expect(env.clientWith(received[0]!.secret).userApiTokens.get()).resolves.toMatchObject({
      totalCount: 1,
    });
    await expect(env.clientWith(old.token).userApiTokens.get()).rejects.toThrow();
  });

  it('application token: deactivate keeps the old one, inactive', async () => {
    const applicationId = env.mock.losant.applicationId;
    const old = await env.losant.applicationApiTokens.post({
      applicationId,
      apiToken: { name: 'gateway', scope: ['all.Application'] },
    });
    const { deliver } = inbox();
    const result = await env.losant.applicationApiToken.rotate({
      applicationId,
      apiTokenId: old.id!,
      deliver,
      revoke: 'deactivate',
      name: 'gateway-2',
    });
    expect(result.revoked).toBe('deactivated');
    expect(result.created).toMatchObject({ name: 'gateway-2', scope: ['all.Application'] });
    expect(result.created.expirationDate).toBeUndefined();
    expect(env.mock.store.losant.get({ applicationId }, old.id!)?.status).toBe('inactive');
    await expect(
      env.clientWith(result.secret).applicationApiTokens.get({ applicationId }),
    ).resolves.toMatchObject({ totalCount: 2 });
  });

  it('instance token: keep leaves the old one unchanged; expirationDate wins', async () => {
    const instanceId = env.mock.losant.instanceId;
    const old = await env.losant.instanceApiTokens.post({
      instanceId,
      apiToken: { name: 'ops', scope: ['all.Instance.read'] },
    });
    const before = env.mock.store.losant.get({ instanceId }, old.id!);
    const result = await env.losant.instanceApiToken.rotate({
      instanceId,
      apiTokenId: old.id!,
      deliver: async () => {},
      revoke: 'keep',
      expirationDate: '2030-01-01T00:00:00.000Z',
    });
    expect(result.revoked).toBe('kept');
    expect(result.created.expirationDate).toBe('2030-01-01T00:00:00.000Z');
    expect(env.mock.store.losant.get({ instanceId }, old.id!)).toEqual(before);
  });
});

describe('a failing step says exactly what is left', () => {
  it('a failed delivery deletes the replacement and leaves the old token untouched', async () => {
    const old = await env.losant.userApiTokens.post({
      apiToken: { name: 'ci', scope: ['all.User.read'] },
    });
    const before = env.mock.store.losant.get('user', old.id!);
    let secret = '';
    const error = await env.losant.userApiToken
      .rotate({
        apiTokenId: old.id!,
        deliver: async (given) => {
          secret = given;
          throw new Error(`could not write ${given}`);
        },
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RotationError);
    const rotation = error as RotationError;
    expect(rotation).toMatchObject({
      step: 'deliver',
      oldTokenId: old.id,
      replacement: 'deleted',
      old: 'untouched',
    });
    expect(rotation.message).toBe(
      `Rotating Losant API token of the current user ${old.id} failed at deliver: the replacement ${rotation.replacementId} was created, then deleted because delivery failed; the old token is untouched`,
    );
    expect(JSON.stringify(rotation)).not.toContain(secret);
    expect(rotation.message).not.toContain(secret);
    expect(env.mock.store.losant.list('user')).toEqual([before]);
    await expect(env.clientWith(old.token).userApiTokens.get()).resolves.toBeDefined();
  });

  it('a failed read creates nothing', async () => {
    const error = await env.losant.userApiToken
      .rotate({ apiTokenId: 'ffffffffffffffffffffffff', deliver: () => {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ step: 'read', replacement: 'none', old: 'untouched' });
    expect(env.mock.store.losant.list('user')).toHaveLength(0);
  });

  it('a failed revoke keeps the delivered replacement and says the old one still works', async () => {
    const [old] = env.mock.store.losant.add('user', [{ name: 'old', scope: ['all.User.read'] }]);
    env.mock.faults.failNext(3, { status: 503, route: 'userApiToken.delete', retryAfter: '0' });
    const error = (await env.losant.userApiToken
      .rotate({ apiTokenId: old!.id, deliver: () => {} })
      .catch((caught: unknown) => caught)) as RotationError;
    // Three 503s: the delete may have happened, so the old token's state is unknown.
    expect(error).toMatchObject({ step: 'revoke', replacement: 'kept', old: 'unknown' });
    expect(error.message).toMatch(/so it may still work: check it and revoke it/);
    expect(env.mock.store.losant.list('user')).toHaveLength(2);
  });

  it('bad params are refused before anything is sent', async () => {
    const error = await env.losant.userApiToken
      // @ts-expect-error deliver must be a function
      .rotate({ apiTokenId: 'ffffffffffffffffffffffff', deliver: 'stdout', revoke: 'burn' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe('deliver');
    expect(env.mock.requests).toHaveLength(0);
  });
});

describe('rotate with a lost create answer', () => {
  const faults = {
    'dropped before the response': () =>
      env.mock.faults.dropNext(1, { route: 'userApiTokens.post' }),
    'dropped mid-body': () =>
      env.mock.faults.dropNext(1, { route: 'userApiTokens.post', when: 'mid-body' }),
    truncated: () => env.mock.faults.truncateNext(1, { route: 'userApiTokens.post' }),
    'invalid JSON': () => env.mock.faults.invalidJsonNext(1, { route: 'userApiTokens.post' }),
    '502 HTML page': () => env.mock.faults.htmlErrorNext(1, { route: 'userApiTokens.post' }),
  };

  it.each(Object.keys(faults) as (keyof typeof faults)[])(
    '%s: one replacement, secret delivered, old deleted',
    async (fault) => {
      const [old] = env.mock.store.losant.add('user', [{ name: 'same', scope: ['all.User.read'] }]);
      faults[fault]();
      const { received, deliver } = inbox();
      const result = await env.losant.userApiToken.rotate({ apiTokenId: old!.id, deliver });
      expect(received).toHaveLength(1);
      expect(env.mock.store.losant.list('user').map((token) => token.id)).toEqual([
        result.created.id,
      ]);
      await expect(env.clientWith(received[0]!.secret).userApiTokens.get()).resolves.toBeDefined();
    },
  );
});
