import { apiToken, apiTokenList, permissionNames } from '@tokenkit/schemas/instana';
import { describe, expect, it } from 'vitest';
import { call, instanaCaller, start } from './helpers.js';

const newToken = (internalId: string, extra: Record<string, unknown> = {}) => ({
  internalId,
  accessGrantingToken: `secret-of-${internalId}-0123456789`,
  name: `token ${internalId}`,
  ...extra,
});

describe('Instana operations', () => {
  it('lists 404 "No API Tokens found" while empty, then the tokens (secrets masked)', async () => {
    const mock = await start();
    const instana = instanaCaller(mock);
    expect(await instana('GET', '')).toMatchObject({
      status: 404,
      body: { errors: ['No API Tokens found'] },
    });
    expect((await instana('POST', '', newToken('one'))).status).toBe(200);
    const listed = await instana('GET', '');
    expect(listed.status).toBe(200);
    const tokens = apiTokenList.parse(listed.body);
    expect(tokens.map((t) => t.internalId)).toEqual(['one']);
    expect(tokens[0]?.accessGrantingToken).toBe('****6789');
    // Reads mask the id too; internalId stays in clear.
    const stored = mock.store.instana.get('one');
    expect(tokens[0]?.id).toBe(`****${stored?.id.slice(-4)}`);
    expect(tokens[0]?.internalId).toBe('one');
    // The seeded credential is not part of the list.
    expect(JSON.stringify(listed.body)).not.toContain(mock.instana.apiToken);
    expect((await instana('DELETE', '/one')).status).toBe(204);
    expect((await instana('GET', '')).status).toBe(404);
  });

  it('creates with POST 200: server fields filled, every permission present, unknown keys dropped', async () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const mock = await start({ now: () => now });
    const answer = await instanaCaller(mock)(
      'POST',
      '',
      newToken('ci', {
        canConfigureAgents: true,
        limitedLinuxKvmHypervisorScope: true,
        id: 'mine',
      }),
    );
    expect(answer.status).toBe(200);
    const token = apiToken.parse(answer.body);
    expect(token).toMatchObject({
      internalId: 'ci',
      name: 'token ci',
      accessGrantingToken: 'secret-of-ci-0123456789',
      createdBy: 'tokenkit-mock@example.com',
      createdOn: now,
      expiresOn: null,
      canConfigureAgents: true,
    });
    expect(token.id).not.toBe('mine');
    for (const name of permissionNames) expect(typeof token[name], name).toBe('boolean');
    expect(Object.values(token).filter((v) => v === true)).toHaveLength(1);
    expect(answer.body).not.toHaveProperty('limitedLinuxKvmHypervisorScope');
  });

  it('applies the server rewrites Terraform provider users observed', async () => {
    const mock = await start();
    const instana = instanaCaller(mock);
    const answer = await instana(
      'POST',
      '',
      newToken('synthetic', {
        canConfigurePersonalApiTokens: true,
        canConfigureSyntheticTests: true,
        canConfigureSyntheticCredentials: true,
        limitedLinuxKVMHypervisorScope: true,
      }),
    );
    expect(answer.body).toMatchObject({
      canConfigurePersonalApiTokens: false,
      canViewSyntheticTests: true,
      canViewSyntheticLocations: true,
      canViewSyntheticTestResults: true,
      canUseSyntheticCredentials: true,
      limitedLinuxKVMHypervisorScope: true,
    });
    const locations = await instana(
      'POST',
      '',
      newToken('locations', { canConfigureSyntheticLocations: true }),
    );
    expect(locations.body).toMatchObject({
      canViewSyntheticLocations: true,
      canViewSyntheticTests: false,
    });
  });

  it('refuses a duplicate internalId or secret, and an invalid body, with 400 { errors }', async () => {
    const mock = await start();
    const instana = instanaCaller(mock);
    await instana('POST', '', newToken('dup'));
    const again = await instana('POST', '', {
      ...newToken('dup'),
      accessGrantingToken: 'another-secret',
    });
    expect(again).toMatchObject({
      status: 400,
      body: { errors: [expect.stringContaining('dup')] },
    });
    const sameSecret = await instana('POST', '', {
      ...newToken('other'),
      accessGrantingToken: 'secret-of-dup-0123456789',
    });
    expect(sameSecret.status).toBe(400);
    const seededSecret = await instana('POST', '', {
      ...newToken('x'),
      accessGrantingToken: mock.instana.apiToken,
    });
    expect(seededSecret.status).toBe(400);
    for (const body of [
      { name: 'no ids' },
      { ...newToken('bad'), canConfigureAgents: 'yes' },
      { ...newToken('e'), name: '' },
      'nope',
    ]) {
      const answer = await instana('POST', '', body);
      expect(answer.status).toBe(400);
      expect((answer.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
    }
    expect(mock.store.instana.list().map((t) => t.internalId)).toEqual(['dup']);
  });

  it('gets one token masked, and 404 "No ApiToken found with internalId" for an unknown one', async () => {
    const mock = await start();
    const instana = instanaCaller(mock);
    mock.store.instana.add([newToken('a/b c', { accessGrantingToken: 'short' })]);
    const got = await instana('GET', `/${encodeURIComponent('a/b c')}`);
    expect(got).toMatchObject({
      status: 200,
      body: { internalId: 'a/b c', accessGrantingToken: '****' },
    });
    expect(await instana('GET', '/nope')).toMatchObject({
      status: 404,
      body: { errors: ['No ApiToken found with internalId'] },
    });
    expect((await instana('DELETE', '/nope')).status).toBe(404);
  });

  it('PUT creates or fully replaces, keeps server fields, and keeps the secret on a masked round trip', async () => {
    let now = 1_000;
    const mock = await start({ now: () => now });
    const instana = instanaCaller(mock);
    const created = await instana(
      'PUT',
      '/p1',
      newToken('p1', { canConfigureAgents: true, canConfigureTeams: true }),
    );
    expect(created).toMatchObject({
      status: 200,
      body: { createdOn: 1_000, canConfigureTeams: true },
    });
    // POST and PUT answer unmasked.
    expect((created.body as { id: string }).id).toBe(mock.store.instana.get('p1')?.id);
    expect((created.body as { id: string }).id).toMatch(/^[0-9a-f]{24}$/);
    now = 2_000;
    const got = (await instana('GET', '/p1')).body as Record<string, unknown>;
    const updated = await instana('PUT', '/p1', {
      ...got,
      name: 'renamed',
      canConfigureTeams: undefined,
    });
    expect(updated.body).toMatchObject({
      name: 'renamed',
      createdOn: 1_000,
      id: (created.body as { id: string }).id,
      canConfigureAgents: true,
      canConfigureTeams: false,
      accessGrantingToken: 'secret-of-p1-0123456789',
    });
    // The masked value sent back did not replace the stored secret.
    expect(mock.store.instana.get('p1')?.accessGrantingToken).toBe('secret-of-p1-0123456789');
    // A new secret on PUT replaces it.
    await instana('PUT', '/p1', {
      ...newToken('p1'),
      accessGrantingToken: 'rotated-secret-123456',
    });
    expect(mock.store.instana.get('p1')?.accessGrantingToken).toBe('rotated-secret-123456');
  });

  it('PUT refuses a body whose internalId differs from the path', async () => {
    const mock = await start();
    const answer = await instanaCaller(mock)('PUT', '/one', newToken('two'));
    expect(answer).toMatchObject({
      status: 400,
      body: { errors: [expect.stringContaining('internalId')] },
    });
    expect(mock.store.instana.list()).toEqual([]);
  });

  it('answers 401 without a valid apiToken credential, and 403 without canConfigureApiTokens', async () => {
    const mock = await start();
    const url = `${mock.url}/api/settings/api-tokens`;
    for (const authorization of [
      undefined,
      'apiToken nope',
      `Bearer ${mock.instana.apiToken}`,
      'apiToken',
    ]) {
      const answer = await call(
        url,
        authorization === undefined ? {} : { headers: { authorization } },
      );
      expect(answer).toMatchObject({
        status: 401,
        body: { error: 'Unauthorized', message: 'Invalid API token' },
      });
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5000');
    }
    const [weak, strong] = mock.store.instana.add([
      newToken('weak'),
      newToken('strong', { canConfigureApiTokens: true }),
    ]);
    expect(await instanaCaller(mock, weak?.accessGrantingToken)('GET', '')).toMatchObject({
      status: 403,
      body: { errors: ['Insufficient permissions.'] },
    });
    expect((await instanaCaller(mock, strong?.accessGrantingToken)('GET', '')).status).toBe(200);
    expect(mock.store.instana.get('strong')?.lastUsedOn).toEqual(expect.any(Number));
    expect(mock.store.instana.get('weak')?.lastUsedOn).toEqual(expect.any(Number));
  });

  it('refuses an expired token (expiresOn in epoch ms) with 401', async () => {
    let now = 10_000;
    const mock = await start({ now: () => now });
    const [token] = mock.store.instana.add([
      newToken('e', { canConfigureApiTokens: true, expiresOn: 20_000 }),
    ]);
    const instana = instanaCaller(mock, token?.accessGrantingToken);
    expect((await instana('GET', '')).status).toBe(200);
    now = 20_000;
    expect((await instana('GET', '')).status).toBe(401);
  });

  it('answers 404 and 405 in Instana shape for unknown paths and methods', async () => {
    const mock = await start();
    const instana = instanaCaller(mock);
    expect(await call(`${mock.url}/api/settings/other`)).toMatchObject({
      status: 404,
      body: { errors: ['Not Found'] },
    });
    const patch = await instana('PATCH', '/x', {});
    expect(patch).toMatchObject({ status: 405, body: { errors: ['Method Not Allowed'] } });
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE, OPTIONS');
    expect(patch.headers.get('x-ratelimit-limit')).toBe('5000');
    // A body over the size limit is refused in Instana's shape too.
    const huge = await instana('POST', '', { name: 'x'.repeat(1_100_000) });
    expect(huge).toMatchObject({ status: 413, body: { errors: [expect.any(String)] } });
    expect(huge.headers.get('x-ratelimit-limit')).toBe('5000');
  });
});

describe('Instana rate limit', () => {
  it('sends X-RateLimit-* on every answer and 429 past the hourly budget, per token', async () => {
    let now = Date.parse('2026-05-05T10:00:00Z');
    const mock = await start({ instanaRateLimit: 3, now: () => now });
    const instana = instanaCaller(mock);
    const reset = String(Math.ceil((now + 3_600_000) / 1000));
    const seen: [number, string | null][] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await instana('GET', '');
      expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answer.headers.get('x-ratelimit-reset')).toBe(reset);
      seen.push([answer.status, answer.headers.get('x-ratelimit-remaining')]);
    }
    expect(seen).toEqual([
      [404, '2'],
      [404, '1'],
      [404, '0'],
      [429, '0'],
      [429, '0'],
    ]);
    const limited = await instana('POST', '', newToken('blocked'));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ errors: [expect.any(String)] });
    // Instana documents no Retry-After: the reset header is the only hint.
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(mock.store.instana.list()).toEqual([]);
    // Another token has its own budget.
    const [other] = mock.store.instana.add([newToken('other', { canConfigureApiTokens: true })]);
    expect((await instanaCaller(mock, other?.accessGrantingToken)('GET', '')).status).toBe(200);
    // The window ends an hour after it opened.
    now += 3_600_000;
    const after = await instana('GET', '');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
    // store.reset() starts fresh windows too.
    now += 1;
    await instana('GET', '');
    await instana('GET', '');
    expect((await instana('GET', '')).status).toBe(429);
    mock.store.reset();
    expect((await instana('GET', '')).status).toBe(404);
  });

  it('does not limit Losant calls', async () => {
    const mock = await start({ instanaRateLimit: 0 });
    const losant = await call(`${mock.url}/me/tokens`, {
      headers: { authorization: `Bearer ${mock.losant.accessToken}` },
    });
    expect(losant.status).toBe(200);
    expect(losant.headers.get('x-ratelimit-limit')).toBeNull();
    expect((await instanaCaller(mock)('GET', '')).status).toBe(429);
  });
});
