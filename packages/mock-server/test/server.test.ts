import { Agent, get } from 'node:http';
import { apiToken as instanaToken } from '@tokenkit/schemas/instana';
import { apiToken } from '@tokenkit/schemas/losant';
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../src/index.js';
import { call, instanaCaller, losantCaller, pool, rawRequest, start } from './helpers.js';

describe('server lifecycle', () => {
  it('listens on 127.0.0.1 with a free port by default', async () => {
    const mock = await start();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('close() resolves promptly with idle keep-alive connections open, and refuses new ones', async () => {
    const mock = await startMockServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const fetchOnce = () =>
      new Promise<number>((resolve, reject) => {
        get(
          `${mock.url}/me/tokens`,
          { agent, headers: { authorization: `Bearer ${mock.losant.accessToken}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        ).on('error', reject);
      });
    expect(await Promise.all([fetchOnce(), fetchOnce(), fetchOnce()])).toEqual([200, 200, 200]);
    // The sockets stay open (keep-alive) until the server ends them.
    const idle = Object.values(agent.freeSockets).flat();
    expect(idle.length).toBeGreaterThan(0);
    const ended = Promise.all(
      idle.map((socket) => new Promise((resolve) => socket?.once('close', resolve))),
    );
    await mock.close();
    await ended;
    expect(idle.every((socket) => socket?.destroyed)).toBe(true);
    await expect(fetch(`${mock.url}/me/tokens`)).rejects.toThrow();
    await mock.close(); // idempotent
    agent.destroy();
  });

  it('close() ends requests that are waiting on injected latency', async () => {
    const mock = await startMockServer();
    mock.faults.latency({ ms: 600_000 });
    const pending = fetch(`${mock.url}/me/tokens`).then(
      () => 'answered',
      () => 'failed',
    );
    while (mock.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await mock.close();
    expect(await pending).toBe('failed');
  });

  it('rejects invalid options', async () => {
    await expect(startMockServer({ instanaRateLimit: -1 })).rejects.toThrow(TypeError);
    await expect(startMockServer({ requestLogLimit: 1.5 })).rejects.toThrow(TypeError);
  });

  it('a seed makes ids and credentials deterministic', async () => {
    const now = () => new Date('2026-02-02T00:00:00Z');
    const a = await start({ seed: 'demo', now });
    const b = await start({ seed: 'demo', now });
    const c = await start({ seed: 'other', now });
    expect(a.losant).toEqual(b.losant);
    expect(a.instana).toEqual(b.instana);
    expect(a.losant.accessToken).not.toBe(c.losant.accessToken);
    const [ta] = a.store.losant.add('user', 1);
    const [tb] = b.store.losant.add('user', 1);
    expect(ta).toEqual(tb);
    for (const id of [a.losant.instanceId, a.losant.applicationId, a.losant.userId]) {
      expect(id).toMatch(/^[a-f\d]{24}$/);
    }
  });
});

describe('CORS', () => {
  it('answers a preflight with the methods and headers clients send', async () => {
    const mock = await start();
    const answer = await fetch(`${mock.url}/me/tokens`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers':
          'authorization, content-type, accept-version, losantdomain, x-retry-count',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    const expected = [
      'authorization',
      'content-type',
      'accept-version',
      'losantdomain',
      'x-retry-count',
    ];
    for (const header of expected) {
      expect(allowed).toContain(header);
    }
  });

  it("allows the clients' headers even when the browser asks for none", async () => {
    const mock = await start();
    const answer = await fetch(`${mock.url}/api/settings/api-tokens`, { method: 'OPTIONS' });
    expect(answer.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Accept, Accept-Version, losantdomain, User-Agent',
    );
  });

  it('marks every answer readable cross-origin and exposes the rate-limit headers', async () => {
    const mock = await start();
    const answer = await instanaCaller(mock)('GET', '');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Reset');
    const unauthorized = await call(`${mock.url}/me/tokens`);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('request log', () => {
  it('records method, path, query, headers, body, status, vendor and operation', async () => {
    const mock = await start();
    await losantCaller(mock)(
      'POST',
      '/me/tokens?_links=true',
      { name: 'logged' },
      { losantdomain: 'd' },
    );
    await rawRequest(mock.url, {
      method: 'DELETE',
      path: '/api/settings/api-tokens/x',
      body: 'plain text',
    });
    const [post, del] = mock.requests;
    expect(post).toMatchObject({
      method: 'POST',
      path: '/me/tokens',
      query: { _links: 'true' },
      body: { name: 'logged' },
      status: 201,
      vendor: 'losant',
      operation: 'userApiTokens.post',
    });
    expect(post?.headers.losantdomain).toBe('d');
    expect(post?.time).toBeInstanceOf(Date);
    expect(del).toMatchObject({
      status: 401,
      vendor: 'instana',
      operation: 'deleteApiToken',
      body: 'plain text',
    });
    mock.clearRequests();
    expect(mock.requests).toEqual([]);
  });

  it('keeps at most requestLogLimit entries, newest last', async () => {
    const mock = await start({ requestLogLimit: 3 });
    for (let page = 0; page < 8; page++) await losantCaller(mock)('GET', `/me/tokens?page=${page}`);
    expect(mock.requests.map((r) => r.query.page)).toEqual(['5', '6', '7']);
  });

  it('hands out copies', async () => {
    const mock = await start();
    await losantCaller(mock)('GET', '/me/tokens');
    const [entry] = mock.requests as unknown as { status: number | undefined }[];
    if (entry) entry.status = 999;
    expect(mock.requests[0]?.status).toBe(200);
  });
});

describe('store', () => {
  it('seeds 2,537 tokens into an application in one call, each valid and with its secret', async () => {
    const mock = await start();
    const added = mock.store.losant.add({ applicationId: mock.losant.applicationId }, 2537);
    expect(added).toHaveLength(2537);
    expect(new Set(added.map((t) => t.id)).size).toBe(2537);
    expect(new Set(added.map((t) => t.token)).size).toBe(2537);
    for (const token of added.slice(0, 50)) expect(apiToken.safeParse(token).success).toBe(true);
    expect(mock.store.losant.list({ applicationId: mock.losant.applicationId })).toHaveLength(2537);
  });

  it('creates a named application even when no token is added to it', async () => {
    const mock = await start();
    const applicationId = 'eeeeeeeeeeeeeeeeeeeeeeee';
    expect(mock.store.losant.add({ applicationId }, [])).toEqual([]);
    const listed = await losantCaller(mock)('GET', `/applications/${applicationId}/tokens`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ totalCount: 0, items: [] });
  });

  it('adds to a new application (which then exists), rejects malformed and duplicate ids', async () => {
    const mock = await start();
    const applicationId = 'cccccccccccccccccccccccc';
    expect((await losantCaller(mock)('GET', `/applications/${applicationId}/tokens`)).status).toBe(
      404,
    );
    mock.store.losant.add({ applicationId }, [{ id: 'dddddddddddddddddddddddd', name: 'fixed' }]);
    const listed = await losantCaller(mock)('GET', `/applications/${applicationId}/tokens`);
    expect(listed.body).toMatchObject({
      totalCount: 1,
      items: [{ id: 'dddddddddddddddddddddddd', name: 'fixed' }],
    });
    expect(() =>
      mock.store.losant.add({ applicationId }, [{ id: 'dddddddddddddddddddddddd' }]),
    ).toThrow(TypeError);
    expect(() => mock.store.losant.add({ applicationId: 'nope' }, 1)).toThrow(TypeError);
    expect(() => mock.store.losant.add('user', [{ id: 'xyz' }])).toThrow(TypeError);
  });

  it('get/remove work and results are copies', async () => {
    const mock = await start();
    const [token] = mock.store.losant.add('user', [{ name: 'orig' }]);
    const copy = mock.store.losant.get('user', token?.id ?? '');
    if (copy) copy.name = 'mutated';
    expect(mock.store.losant.get('user', token?.id ?? '')?.name).toBe('orig');
    expect(mock.store.losant.get('user', token?.id ?? '')).not.toHaveProperty('token');
    expect(mock.store.losant.remove('user', token?.id ?? '')).toBe(true);
    expect(mock.store.losant.remove('user', token?.id ?? '')).toBe(false);
    expect(mock.store.losant.list({ instanceId: 'eeeeeeeeeeeeeeeeeeeeeeee' })).toEqual([]);
  });

  it('instana.add fills tokens that validate, authenticate and list; reset empties both vendors', async () => {
    const mock = await start();
    const added = mock.store.instana.add(3);
    for (const token of added) expect(instanaToken.safeParse(token).success).toBe(true);
    expect((await instanaCaller(mock)('GET', '')).body).toHaveLength(3);
    expect(() => mock.store.instana.add([{ internalId: added[0]?.internalId ?? '' }])).toThrow(
      TypeError,
    );
    expect(mock.store.instana.remove(added[0]?.internalId ?? '')).toBe(true);
    mock.store.losant.add('user', 2);
    mock.store.losant.add({ applicationId: 'ffffffffffffffffffffffff' }, 1);
    mock.store.reset();
    expect(mock.store.instana.list()).toEqual([]);
    expect(mock.store.losant.list('user')).toEqual([]);
    expect(
      (await losantCaller(mock)('GET', '/applications/ffffffffffffffffffffffff/tokens')).status,
    ).toBe(404);
    // The seeded credentials survive a reset.
    expect(
      (await losantCaller(mock)('GET', `/applications/${mock.losant.applicationId}/tokens`)).status,
    ).toBe(200);
    expect((await instanaCaller(mock)('GET', '')).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('2,000 mixed concurrent requests (64 in flight) leave the store consistent', async () => {
    const mock = await start({ instanaRateLimit: 100_000 });
    const losant = losantCaller(mock);
    const instana = instanaCaller(mock);
    const appBase = `/applications/${mock.losant.applicationId}/tokens`;
    const losantCreated: string[] = [];
    const losantDeleted = new Set<string>();
    const instanaCreated: string[] = [];
    const instanaDeleted = new Set<string>();
    const statuses: number[] = [];

    const tasks = Array.from({ length: 2000 }, (_, i) => async () => {
      switch (i % 8) {
        case 0:
        case 1: {
          const answer = await losant('POST', appBase, { name: `c${i}` });
          statuses.push(answer.status);
          if (answer.status === 201) losantCreated.push((answer.body as { id: string }).id);
          return;
        }
        case 2: {
          const id = losantCreated.find((candidate) => !losantDeleted.has(candidate));
          if (id === undefined) return;
          losantDeleted.add(id);
          const answer = await losant('DELETE', `${appBase}/${id}`);
          statuses.push(answer.status);
          return;
        }
        case 3: {
          const id = losantCreated.at(-1);
          const answer = await losant(
            id === undefined ? 'GET' : 'PATCH',
            id === undefined ? appBase : `${appBase}/${id}`,
            id === undefined ? undefined : { description: `p${i}` },
          );
          // A PATCH can race with the DELETE of the same token: then 404 is the right answer.
          statuses.push(
            answer.status === 404 && id !== undefined && losantDeleted.has(id)
              ? 200
              : answer.status,
          );
          return;
        }
        case 4: {
          const answer = await losant(
            'GET',
            `${appBase}?perPage=50&sortField=creationDate&sortDirection=desc`,
          );
          statuses.push(answer.status);
          return;
        }
        case 5:
        case 6: {
          const internalId = `t${i}`;
          const answer = await instana('POST', '', {
            internalId,
            accessGrantingToken: `s-${i}-secret`,
            name: internalId,
          });
          statuses.push(answer.status);
          if (answer.status === 200) instanaCreated.push(internalId);
          return;
        }
        default: {
          const id = instanaCreated.find((candidate) => !instanaDeleted.has(candidate));
          if (id === undefined) {
            // Nothing to delete yet: a list, which is 404 while the store is empty.
            const answer = await instana('GET', '');
            statuses.push(answer.status === 404 ? 200 : answer.status);
            return;
          }
          instanaDeleted.add(id);
          const answer = await instana('DELETE', `/${id}`);
          statuses.push(answer.status === 204 ? 200 : answer.status);
        }
      }
    });
    await pool(tasks, 64);

    expect(statuses.filter((status) => status >= 300)).toEqual([]);
    const expectedLosant = losantCreated.filter((id) => !losantDeleted.has(id)).sort();
    const storedLosant = mock.store.losant
      .list({ applicationId: mock.losant.applicationId })
      .map((t) => t.id)
      .sort();
    expect(storedLosant).toEqual(expectedLosant);
    expect(losantCreated).toHaveLength(500);
    const expectedInstana = instanaCreated.filter((id) => !instanaDeleted.has(id)).sort();
    expect(
      mock.store.instana
        .list()
        .map((t) => t.internalId)
        .sort(),
    ).toEqual(expectedInstana);
    expect(instanaCreated).toHaveLength(500);
    // The list endpoint agrees with the store.
    const listed = await losant('GET', `${appBase}?perPage=1000`);
    expect((listed.body as { totalCount: number }).totalCount).toBe(expectedLosant.length);
    expect(mock.requests.length).toBeGreaterThanOrEqual(1900);
  });
});
