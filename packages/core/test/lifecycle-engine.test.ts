import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createToken,
  isAbortError,
  isCreateOutcomeUnknownError,
  isRequestValidationError,
  type Rotation,
  RotationError,
  rotateToken,
} from '../src/index.js';
import {
  type ServiceToken,
  serviceStore,
  startTokenService,
  type TokenService,
} from './helpers/token-service.js';

let service: TokenService;
beforeAll(async () => {
  service = await startTokenService();
});
afterAll(() => service.close());
beforeEach(() => service.reset());

const store = () => serviceStore(service);

function routes(): string[] {
  return service.server.requests.map((request) => `${request.method} ${request.path}`);
}

/** The rotation's error, which must be a RotationError holding no secret anywhere. */
async function failed(promise: Promise<unknown>): Promise<RotationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RotationError);
  const shown = JSON.stringify(error) + inspect(error, { depth: 8 }) + String(error);
  expect(shown).not.toMatch(/never-shown/);
  return error as RotationError;
}

describe('rotateToken: read → create → deliver → verify → revoke', () => {
  test('delivers before anything is revoked, checks the new secret, then deletes the old token', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    const seen: string[][] = [];
    const rotation = await rotateToken(store(), {
      id: 'old',
      deliver: (secret, created: ServiceToken) => {
        seen.push([secret, created.id, ...routes()]);
      },
    });
    expect(seen).toEqual([['s3cr3t-1-never-shown', 't1', 'GET /tokens/old', 'POST /tokens']]);
    expect(routes()).toEqual([
      'GET /tokens/old',
      'POST /tokens',
      'GET /tokens/t1',
      'DELETE /tokens/old',
    ]);
    // The check reads with the new secret, not the client's credential.
    expect(service.server.requests[2]?.headers.authorization).toBe('Bearer s3cr3t-1-never-shown');
    expect(rotation).toEqual({
      created: { id: 't1', name: 'ci', status: 'active' },
      secret: 's3cr3t-1-never-shown',
      old: { id: 'old', name: 'ci', status: 'active' },
      revoked: 'deleted',
      verified: 'valid',
      kept: ['name', 'status'],
    } satisfies Rotation<ServiceToken>);
    expect([...service.tokens.keys()]).toEqual(['t1']);
  });

  test('keeps status: an inactive token gets an inactive replacement, whose check is skipped', async () => {
    service.add({ id: 'old', name: 'ci', status: 'inactive' });
    const rotation = await rotateToken(store(), { id: 'old', deliver: () => {}, revoke: 'keep' });
    expect(rotation.created.status).toBe('inactive');
    expect(rotation.verified).toBe('skipped');
    expect(rotation.revoked).toBe('kept');
    expect(routes()).toEqual(['GET /tokens/old', 'POST /tokens']);
  });

  test('overrides apply, and a 403 on the check means authenticated but limited', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active', limited: true });
    const rotation = await rotateToken(store(), {
      id: 'old',
      deliver: async () => {},
      revoke: 'deactivate',
      overrides: { name: 'ci-2' },
    });
    expect(rotation).toMatchObject({
      verified: 'limited',
      revoked: 'deactivated',
      kept: ['status'],
    });
    expect(service.tokens.get('old')?.status).toBe('inactive');
    expect(service.tokens.get('t1')?.name).toBe('ci-2');
  });

  test('bad params are refused before any request', async () => {
    const noStatus = serviceStore(service, { deactivatable: false });
    const cases: [unknown, string][] = [
      [{ id: '', deliver: () => {} }, 'id'],
      [{ id: 'old' }, 'deliver'],
      [{ id: 'old', deliver: () => {}, revoke: 'burn' }, 'revoke'],
      [{ id: 'old', deliver: () => {}, signal: 'now' }, 'signal'],
    ];
    for (const [params, field] of cases) {
      const error = await rotateToken(store(), params as never).catch((caught: unknown) => caught);
      expect(isRequestValidationError(error) && error.field).toBe(field);
    }
    await expect(
      rotateToken(noStatus, { id: 'old', deliver: () => {}, revoke: 'deactivate' }),
    ).rejects.toThrow("a test token has no status; use 'delete' or 'keep'");
    expect(routes()).toEqual([]);
  });
});

describe('rotateToken: every failing step is one RotationError saying what is left', () => {
  test('read: nothing was created', async () => {
    const error = await failed(rotateToken(store(), { id: 'gone', deliver: () => {} }));
    expect(error).toMatchObject({ step: 'read', replacement: 'none', old: 'untouched' });
    expect(error.message).toBe(
      'Rotating test token gone failed at read: reading it failed; nothing was created (404 Not Found: Not found)',
    );
  });

  test('create: refused, or a bad override, leaves no replacement', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    service.failNext('POST /tokens', 400);
    const refused = await failed(rotateToken(store(), { id: 'old', deliver: () => {} }));
    expect(refused).toMatchObject({ step: 'create', replacement: 'none', old: 'untouched' });
    const override = await failed(
      rotateToken(store(), { id: 'old', deliver: () => {}, overrides: { expiresAt: null } }),
    );
    expect(override).toMatchObject({ step: 'create', replacement: 'none' });
    expect([...service.tokens.keys()]).toEqual(['old']);
  });

  test('create: an outcome the store could not settle is unknown, with the ids to check', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    service.failNext('POST /tokens', 502);
    const error = await failed(rotateToken(store(), { id: 'old', deliver: () => {} }));
    expect(error).toMatchObject({ step: 'create', replacement: 'unknown', old: 'untouched' });
    expect(isCreateOutcomeUnknownError(error.cause)).toBe(true);
    expect(error.message).toContain('could not be settled: check t-maybe');
  });

  test('deliver: a throw deletes the replacement; the old token is untouched', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    const error = await failed(
      rotateToken(store(), {
        id: 'old',
        deliver: () => {
          throw new Error('disk full; secret s3cr3t-1-never-shown');
        },
      }),
    );
    expect(error).toMatchObject({
      step: 'deliver',
      replacementId: 't1',
      replacement: 'deleted',
      old: 'untouched',
    });
    expect(error.message).toBe(
      'Rotating test token old failed at deliver: the replacement t1 was created, then deleted because delivery failed; the old token is untouched',
    );
    expect([...service.tokens.keys()]).toEqual(['old']);
  });

  test.each([
    [502, 'unknown', 'lost its answer: check whether it still exists and delete it'],
    [
      403,
      'kept',
      'the replacement t1 was created; deleting it (delivery failed) failed: delete it',
    ],
  ] as const)(
    'deliver: a clean-up answered %i leaves the replacement %s',
    async (status, state, says) => {
      service.add({ id: 'old', name: 'ci', status: 'active' });
      service.failNext('DELETE /tokens/t1', status);
      const error = await failed(
        rotateToken(store(), { id: 'old', deliver: () => Promise.reject(new Error('no')) }),
      );
      expect(error).toMatchObject({ step: 'deliver', replacement: state, old: 'untouched' });
      expect(error.message).toContain(says);
    },
  );

  test('verify: a 401 deletes the replacement and keeps the old token', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    service.failNext('GET /tokens/t1', 401);
    const error = await failed(rotateToken(store(), { id: 'old', deliver: () => {} }));
    expect(error).toMatchObject({ step: 'verify', replacement: 'deleted', old: 'untouched' });
    expect(error.message).toContain('then deleted because the new secret was refused (401)');
    expect([...service.tokens.keys()]).toEqual(['old']);
  });

  test('verify: any other failure keeps both tokens and revokes nothing', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    service.failNext('GET /tokens/t1', 503);
    const error = await failed(rotateToken(store(), { id: 'old', deliver: () => {} }));
    expect(error).toMatchObject({
      step: 'verify',
      replacementId: 't1',
      replacement: 'kept',
      old: 'untouched',
    });
    expect([...service.tokens.keys()].sort()).toEqual(['old', 't1']);
  });

  test.each([
    [502, 'unknown', 'so it may still work: check it and revoke it'],
    [409, 'untouched', 'so it still works: revoke it'],
  ] as const)('revoke: answered %i, the old token is %s', async (status, old, says) => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    service.failNext('DELETE /tokens/old', status);
    const error = await failed(rotateToken(store(), { id: 'old', deliver: () => {} }));
    expect(error).toMatchObject({ step: 'revoke', replacement: 'kept', replacementId: 't1', old });
    expect(error.message).toContain(says);
  });
});

describe('rotateToken: an abort', () => {
  test('while delivering deletes the replacement, leaves the old token, and says so', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    const controller = new AbortController();
    const error = await failed(
      rotateToken(store(), {
        id: 'old',
        signal: controller.signal,
        // A delivery that never ends, stopped by a signal (the CLI's SIGINT).
        deliver: () => {
          controller.abort();
          return new Promise(() => {});
        },
      }),
    );
    expect(error).toMatchObject({ step: 'deliver', replacement: 'deleted', old: 'untouched' });
    expect(isAbortError(error.cause)).toBe(true);
    expect(error.message).toContain('aborted before delivery completed');
    expect([...service.tokens.keys()]).toEqual(['old']);
  });

  test('before the create stops with nothing created (the call options signal counts too)', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    const controller = new AbortController();
    const storeThatAborts = store();
    const read = storeThatAborts.read;
    storeThatAborts.read = async (id, options) => {
      const token = await read(id, options);
      controller.abort();
      return token;
    };
    const error = await failed(
      rotateToken(storeThatAborts, { id: 'old', deliver: () => {} }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({ step: 'create', replacement: 'none', old: 'untouched' });
    expect(routes()).toEqual(['GET /tokens/old']);
  });

  test('after delivery stops there: both tokens work, nothing is revoked', async () => {
    service.add({ id: 'old', name: 'ci', status: 'active' });
    const controller = new AbortController();
    const storeThatAborts = store();
    const verify = storeThatAborts.verify;
    storeThatAborts.verify = async (...args) => {
      const verified = await verify(...args);
      controller.abort();
      return verified;
    };
    const error = await failed(
      rotateToken(storeThatAborts, { id: 'old', deliver: () => {}, signal: controller.signal }),
    );
    expect(error).toMatchObject({ step: 'revoke', replacement: 'kept', old: 'untouched' });
    expect(error.message).toContain('both tokens work: revoke the old one when ready');
    expect([...service.tokens.keys()].sort()).toEqual(['old', 't1']);
  });

  test('already aborted fails the read', async () => {
    const error = await failed(
      rotateToken(store(), { id: 'old', deliver: () => {}, signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ step: 'read', replacement: 'none' });
  });
});

test('createToken creates through the store and returns the secret once', async () => {
  const created = await createToken(store(), { name: 'new', status: 'active' });
  expect(created).toEqual({
    token: { id: 't1', name: 'new', status: 'active' },
    secret: 's3cr3t-1-never-shown',
  });
});
