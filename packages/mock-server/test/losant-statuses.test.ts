import { apiToken, apiTokens, createdApiToken } from '@tokenkit/schemas/losant';
import { describe, expect, it } from 'vitest';
import { call, losantCaller, start } from './helpers.js';

const OTHER_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('Losant statuses and bodies', () => {
  it('creates with 201 and returns the token once, never in a later get, list or patch', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const base = `/applications/${mock.losant.applicationId}/tokens`;
    const created = await losant('POST', base, { name: 'deploy', scope: ['all.Application'] });
    expect(created.status).toBe(201);
    const token = createdApiToken.parse(created.body);
    expect(token).toMatchObject({
      name: 'deploy',
      status: 'active',
      ownerId: mock.losant.applicationId,
      ownerType: 'application',
      creatorId: mock.losant.userId,
      creatorType: 'user',
      scope: ['all.Application'],
    });
    expect(token.id).toBe(token.apiTokenId);
    expect(token.creationDate).toBe(token.lastUpdated);

    const got = await losant('GET', `${base}/${token.id}`);
    const listed = await losant('GET', base);
    const patched = await losant('PATCH', `${base}/${token.id}`, { description: 'x' });
    for (const answer of [got, patched]) {
      expect(answer.status).toBe(200);
      expect(apiToken.parse(answer.body)).not.toHaveProperty('token');
    }
    const items = apiTokens.parse(listed.body).items ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]).not.toHaveProperty('token');
    expect(JSON.stringify([got.body, listed.body, patched.body])).not.toContain(token.token);
  });

  it('deletes with 200 { success: true }, then answers 404 NotFound', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const [token] = mock.store.losant.add('user', 1);
    const path = `/me/tokens/${token?.id}`;
    expect(await losant('DELETE', path)).toMatchObject({ status: 200, body: { success: true } });
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await losant(method, path, method === 'PATCH' ? { name: 'n' } : undefined);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ type: 'NotFound', message: 'API token was not found' });
    }
  });

  it('answers 404 for an unknown instance or application, and for a token of another owner', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    expect(await losant('GET', `/instances/${OTHER_ID}/tokens`)).toMatchObject({
      status: 404,
      body: { type: 'NotFound', message: 'Instance was not found' },
    });
    expect(await losant('POST', `/applications/${OTHER_ID}/tokens`, { name: 'x' })).toMatchObject({
      status: 404,
      body: { type: 'NotFound', message: 'Application was not found' },
    });
    const [appToken] = mock.store.losant.add({ applicationId: mock.losant.applicationId }, 1);
    const elsewhere = await losant(
      'GET',
      `/instances/${mock.losant.instanceId}/tokens/${appToken?.id}`,
    );
    expect(elsewhere.status).toBe(404);
    // Ids are hex: the uppercase spelling reaches the same token.
    const upper = await losant(
      'GET',
      `/applications/${mock.losant.applicationId.toUpperCase()}/tokens/${appToken?.id.toUpperCase()}`,
    );
    expect(upper.status).toBe(200);
  });

  it.each([
    ['a missing name', { description: 'no name' }, 'apiToken.name is required'],
    ['an empty name', { name: '' }, 'apiToken.name has less length than allowed'],
    [
      'a name of 256 characters',
      { name: 'n'.repeat(256) },
      'apiToken.name has longer length than allowed',
    ],
    ['an unknown key', { name: 'x', owner: 'me' }, 'apiToken has additional properties'],
    [
      'an unknown scope',
      { name: 'x', scope: ['all.Everything'] },
      'apiToken.scope.0 must be an enum value',
    ],
    [
      'duplicate scopes',
      { name: 'x', scope: ['all.User', 'all.User'] },
      'apiToken.scope must be unique',
    ],
    ['a bad status', { name: 'x', status: 'paused' }, 'apiToken.status must be an enum value'],
    [
      'a bad expirationDate',
      { name: 'x', expirationDate: 'tomorrow' },
      'apiToken.expirationDate must be date-time format',
    ],
    ['a name that is not a string', { name: 7 }, 'apiToken.name is the wrong type'],
    ['a non-object body', ['x'], 'apiToken is the wrong type'],
    ['a body that is not JSON', '{not json', 'apiToken is the wrong type'],
    ['no body at all', '', 'apiToken is required'],
  ])('refuses a POST with %s: 400 Validation "%s"', async (_case, body, message) => {
    const mock = await start();
    const answer = await losantCaller(mock)('POST', '/me/tokens', body === '' ? undefined : body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ type: 'Validation', message });
    expect(mock.store.losant.list('user')).toEqual([]);
  });

  it.each([
    ['a missing name and an unknown key', { owner: 'me' }, 'apiToken.name is required'],
    [
      'an unknown key and a bad field',
      { name: '', owner: 'me' },
      'apiToken has additional properties',
    ],
    [
      'two bad fields',
      { name: '', status: 'paused' },
      'apiToken.name has less length than allowed',
    ],
  ])('reports only the first failing check: %s', async (_case, body, message) => {
    const mock = await start();
    const answer = await losantCaller(mock)('POST', '/me/tokens', body);
    expect(answer.body).toEqual({ type: 'Validation', message });
  });

  it('refuses a PATCH of scope or expirationDate (not patchable) and a body that is not JSON', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const [token] = mock.store.losant.add('user', [{ name: 'keep', scope: ['all.User.read'] }]);
    const path = `/me/tokens/${token?.id}`;
    for (const body of [
      { scope: ['all.User'] },
      { expirationDate: '2030-01-01T00:00:00Z' },
      '{not json',
    ]) {
      const answer = await losant('PATCH', path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ type: 'Validation' });
    }
    expect(mock.store.losant.get('user', token?.id ?? '')).toMatchObject({
      scope: ['all.User.read'],
    });
  });

  it('patches only what was sent and moves lastUpdated', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const mock = await start({ now: () => now });
    const [token] = mock.store.losant.add('user', [{ name: 'before', description: 'd' }]);
    now += 60_000;
    const answer = await losantCaller(mock)('PATCH', `/me/tokens/${token?.id}`, {
      status: 'inactive',
    });
    expect(answer.body).toMatchObject({
      name: 'before',
      description: 'd',
      status: 'inactive',
      creationDate: '2026-01-01T00:00:00.000Z',
      lastUpdated: '2026-01-01T00:01:00.000Z',
    });
  });

  it('refuses malformed path ids and list params with 400 Validation naming the parameter', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const validation = (message: string) => ({
      status: 400,
      body: { type: 'Validation', message },
    });
    expect(await losant('GET', '/applications/not-an-id/tokens')).toMatchObject(
      validation('applicationId pattern mismatch'),
    );
    expect(await losant('DELETE', `/me/tokens/${'z'.repeat(24)}`)).toMatchObject(
      validation('apiTokenId pattern mismatch'),
    );
    for (const [query, message] of [
      ['sortField=owner', 'sortField must be an enum value'],
      ['sortDirection=up', 'sortDirection must be an enum value'],
      ['page=-1', 'page pattern mismatch'],
      ['perPage=ten', 'perPage pattern mismatch'],
      ['filterField=scope&filter=x', 'filterField must be an enum value'],
    ] as const) {
      expect(await losant('GET', `/me/tokens?${query}`), query).toMatchObject(validation(message));
    }
    // Blank list params mean "not given"; unknown params are ignored.
    expect((await losant('GET', '/me/tokens?filter=&filterField=&sortField=&debug=1')).status).toBe(
      200,
    );
  });

  it('checks parameters (400), then the token (401), then the scope (403), then the resource (404)', async () => {
    const mock = await start();
    const [unscoped] = mock.store.losant.add('user', [{ scope: ['devices.get'] }]);
    const other = 'cccccccccccccccccccccccc';
    const as = (token?: string) =>
      token === undefined
        ? (method: string, path: string, body?: unknown) =>
            call(`${mock.url}${path}`, { method, ...(body === undefined ? {} : { body }) })
        : losantCaller(mock, token);
    const bad = { type: 'Validation', message: 'applicationId pattern mismatch' };
    // A malformed id is refused before anything else, with any token or none.
    for (const token of [undefined, 'garbage', unscoped?.token, mock.losant.accessToken]) {
      expect((await as(token)('GET', '/applications/nope/tokens')).body).toEqual(bad);
    }
    const body = { type: 'Validation', message: 'apiToken.name is required' };
    expect((await as(undefined)('POST', `/applications/${other}/tokens`, {})).body).toEqual(body);
    // Good parameters: the token decides, then the scope, then the resource.
    const path = `/applications/${other}/tokens`;
    expect(await as('garbage')('GET', path)).toMatchObject({
      status: 401,
      body: { type: 'Unauthorized', message: 'Invalid access token' },
    });
    for (const token of [undefined, unscoped?.token]) {
      expect(await as(token)('GET', path)).toMatchObject({
        status: 403,
        body: { type: 'Forbidden', message: 'Access is forbidden' },
      });
    }
    expect(await as(mock.losant.accessToken)('GET', path)).toMatchObject({
      status: 404,
      body: { type: 'NotFound', message: 'Application was not found' },
    });
  });

  it('answers 403 Forbidden when no token is sent, 401 Invalid access token for a garbage one', async () => {
    const mock = await start();
    const url = `${mock.url}/me/tokens`;
    const forbidden = { type: 'Forbidden', message: 'Access is forbidden' };
    const noToken: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: `Basic ${mock.losant.accessToken}` },
      { authorization: `apiToken ${mock.instana.apiToken}` },
    ];
    for (const headers of noToken) {
      const answer = await fetch(url, { headers });
      expect(answer.status).toBe(403);
      expect(await answer.json()).toEqual(forbidden);
    }
    for (const authorization of ['Bearer not-a-token', 'JWT not-a-token']) {
      const answer = await fetch(url, { headers: { authorization } });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({
        type: 'Unauthorized',
        message: 'Invalid access token',
      });
    }
  });

  it('also reads the token from a JWT scheme and from the access_token query parameter', async () => {
    const mock = await start();
    const token = mock.losant.accessToken;
    const jwt = await fetch(`${mock.url}/me/tokens`, {
      headers: { authorization: `JWT ${token}` },
    });
    expect(jwt.status).toBe(200);
    expect((await fetch(`${mock.url}/me/tokens?access_token=${token}`)).status).toBe(200);
  });

  it('refuses an inactive token and an expired token with 401, and accepts them again when fixed', async () => {
    let now = Date.parse('2026-06-01T00:00:00Z');
    const mock = await start({ now: () => now });
    const [inactive, expiring] = mock.store.losant.add('user', [
      { name: 'off', status: 'inactive', scope: ['all.User'] },
      { name: 'soon', expirationDate: '2026-06-01T00:00:10Z', scope: ['all.User'] },
    ]);
    const asInactive = losantCaller(mock, inactive?.token);
    const asExpiring = losantCaller(mock, expiring?.token);
    expect(await asInactive('GET', '/me/tokens')).toMatchObject({
      status: 401,
      body: { type: 'Unauthorized', message: 'Access token is inactive' },
    });
    expect((await asExpiring('GET', '/me/tokens')).status).toBe(200);
    now += 10_000;
    expect(await asExpiring('GET', '/me/tokens')).toMatchObject({
      status: 401,
      body: { type: 'Unauthorized', message: 'Access token has expired' },
    });
    await losantCaller(mock)('PATCH', `/me/tokens/${inactive?.id}`, { status: 'active' });
    expect((await asInactive('GET', '/me/tokens')).status).toBe(200);
  });

  it('authenticates a token created through the API, records it as creator, and stops after delete', async () => {
    const mock = await start();
    const created = await losantCaller(mock)('POST', '/me/tokens', {
      name: 'robot',
      scope: ['userApiTokens.*', 'userApiToken.*'],
    });
    const robot = createdApiToken.parse(created.body);
    const asRobot = losantCaller(mock, robot.token);
    const child = await asRobot('POST', '/me/tokens', { name: 'child' });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({
      creatorType: 'apiToken',
      creatorId: robot.id,
      creatorName: 'robot',
    });
    expect((await asRobot('DELETE', `/me/tokens/${robot.id}`)).status).toBe(200);
    expect((await asRobot('GET', '/me/tokens')).status).toBe(401);
  });

  it('fills defaults: status active, scope by owner, no ownerType on instance tokens', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const instance = await losant('POST', `/instances/${mock.losant.instanceId}/tokens`, {
      name: 'i',
    });
    const application = await losant('POST', `/applications/${mock.losant.applicationId}/tokens`, {
      name: 'a',
    });
    const user = await losant('POST', '/me/tokens', {
      name: 'u',
      expirationDate: '2030-01-01T00:00:00+02:00',
    });
    expect(instance.body).toMatchObject({
      scope: ['all.Instance'],
      status: 'active',
      ownerId: mock.losant.instanceId,
    });
    expect(instance.body).not.toHaveProperty('ownerType');
    expect(application.body).toMatchObject({
      scope: ['all.Application'],
      ownerType: 'application',
    });
    expect(user.body).toMatchObject({
      scope: ['all.User'],
      ownerType: 'user',
      ownerId: mock.losant.userId,
      expirationDate: '2029-12-31T22:00:00.000Z',
    });
    const list = await losant('GET', `/instances/${mock.losant.instanceId}/tokens`);
    expect(list.body).toMatchObject({ ownerId: mock.losant.instanceId, count: 1, totalCount: 1 });
    expect(list.body).not.toHaveProperty('ownerType');
  });

  it('adds HAL _type and _links only when _links=true', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const [token] = mock.store.losant.add('user', 1);
    const plain = await losant('GET', `/me/tokens/${token?.id}`);
    expect(plain.body).not.toHaveProperty('_links');
    const withLinks = await losant('GET', `/me/tokens/${token?.id}?_links=true`);
    expect(withLinks.body).toMatchObject({
      _type: 'apiToken',
      _links: { self: { href: `/me/tokens/${token?.id}` } },
    });
    const list = await losant('GET', '/me/tokens?_links=true&_actions=false&_embedded=true');
    expect(list.body).toMatchObject({
      _type: 'apiTokens',
      _links: { self: { href: '/me/tokens' } },
    });
    const items = apiTokens.parse(list.body).items ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveProperty('_links');
  });

  it('accepts and logs the losantdomain header', async () => {
    const mock = await start();
    const answer = await losantCaller(mock)('GET', '/me/tokens', undefined, {
      losantdomain: 'example.com',
    });
    expect(answer.status).toBe(200);
    expect(mock.requests.at(-1)?.headers.losantdomain).toBe('example.com');
  });

  it('answers 404 for an unknown route and 405 with Allow for a method a route does not take', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    expect(await losant('GET', '/devices')).toMatchObject({
      status: 404,
      body: { type: 'NotFound' },
    });
    expect(await losant('GET', '/me//tokens')).toMatchObject({ status: 404 });
    const put = await losant('PUT', '/me/tokens');
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(put.body).toMatchObject({ type: 'MethodNotAllowed' });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const mock = await start();
    const answer = await losantCaller(mock)('POST', '/me/tokens', {
      name: 'x',
      description: 'd'.repeat(1_100_000),
    });
    expect(answer.status).toBe(413);
  });
});
