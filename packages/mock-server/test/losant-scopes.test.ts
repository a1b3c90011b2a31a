import { actionScopes, type LosantAction, losantActions } from '@tokenkit/schemas/losant';
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { losantCaller, start } from './helpers.js';

/** A scope no token action accepts. */
const UNRELATED = 'devices.get';

/** Sends `action` as a token holding exactly `scope`; returns the status. */
async function attempt(mock: MockServer, action: LosantAction, scope: string): Promise<number> {
  const [caller] = mock.store.losant.add('user', [{ name: `holder of ${scope}`, scope: [scope] }]);
  const [target] = mock.store.losant.add(ownerOf(mock, action), 1);
  const as = losantCaller(mock, caller?.token);
  const base = basePath(mock, action);
  const [resource = '', verb] = action.split('.');
  const collection = resource.endsWith('Tokens');
  const path = collection ? base : `${base}/${target?.id}`;
  const method =
    verb === 'get' ? 'GET' : verb === 'post' ? 'POST' : verb === 'patch' ? 'PATCH' : 'DELETE';
  const body =
    verb === 'post' ? { name: 'made' } : verb === 'patch' ? { description: 'changed' } : undefined;
  return (await as(method, path, body)).status;
}

function ownerOf(mock: MockServer, action: LosantAction) {
  if (action.startsWith('instance')) return { instanceId: mock.losant.instanceId };
  if (action.startsWith('application')) return { applicationId: mock.losant.applicationId };
  return 'user' as const;
}

function basePath(mock: MockServer, action: LosantAction): string {
  if (action.startsWith('instance')) return `/instances/${mock.losant.instanceId}/tokens`;
  if (action.startsWith('application')) return `/applications/${mock.losant.applicationId}/tokens`;
  return '/me/tokens';
}

const SUCCESS: Record<string, number> = { get: 200, post: 201, patch: 200, delete: 200 };

describe("Losant scope enforcement (losant-rest's lib/api docs)", () => {
  it('knows all 15 actions', () => {
    expect(losantActions).toHaveLength(15);
  });

  it.each(losantActions)(
    '%s: each accepted scope alone passes, an unrelated scope gets 403',
    async (action) => {
      const mock = await start();
      const verb = action.split('.')[1] ?? '';
      for (const scope of actionScopes[action]) {
        expect(await attempt(mock, action, scope), `${action} with ${scope}`).toBe(SUCCESS[verb]);
      }
      expect(await attempt(mock, action, UNRELATED)).toBe(403);
      // A read-only scope never grants a write.
      if (verb !== 'get') {
        const family = action.startsWith('user')
          ? 'all.User.read'
          : action.startsWith('instance')
            ? 'all.Instance.read'
            : 'all.Application.read';
        expect(await attempt(mock, action, family)).toBe(403);
      }
    },
  );

  it('answers 403 with a Forbidden body', async () => {
    const mock = await start();
    const [token] = mock.store.losant.add('user', [{ scope: [UNRELATED] }]);
    const answer = await losantCaller(mock, token?.token)('GET', '/me/tokens');
    expect(answer).toMatchObject({
      status: 403,
      body: { type: 'Forbidden', message: 'Access is forbidden' },
    });
  });

  it('binds application and instance tokens to their own application or instance', async () => {
    const mock = await start();
    const otherApp = 'bbbbbbbbbbbbbbbbbbbbbbbb';
    mock.store.losant.add({ applicationId: otherApp }, 1);
    const [appToken] = mock.store.losant.add({ applicationId: mock.losant.applicationId }, [
      { scope: ['all.Application'] },
    ]);
    const asApp = losantCaller(mock, appToken?.token);
    expect((await asApp('GET', `/applications/${mock.losant.applicationId}/tokens`)).status).toBe(
      200,
    );
    expect((await asApp('GET', `/applications/${otherApp}/tokens`)).status).toBe(403);
    // all.Application is not a user or instance scope.
    expect((await asApp('GET', '/me/tokens')).status).toBe(403);

    const [instanceToken] = mock.store.losant.add({ instanceId: mock.losant.instanceId }, [
      { scope: ['all.Instance', 'applicationApiTokens.get'] },
    ]);
    const asInstance = losantCaller(mock, instanceToken?.token);
    expect((await asInstance('GET', `/instances/${mock.losant.instanceId}/tokens`)).status).toBe(
      200,
    );
    expect(
      (await asInstance('GET', `/applications/${mock.losant.applicationId}/tokens`)).status,
    ).toBe(403);
  });
});
