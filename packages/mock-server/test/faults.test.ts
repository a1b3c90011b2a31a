import { describe, expect, it } from 'vitest';
import { call, instanaCaller, losantCaller, rawRequest, start } from './helpers.js';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('fault injection', () => {
  it('failNext answers the next N matching requests with the status and vendor-shaped body', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    mock.faults.failNext(2, { status: 429, retryAfter: 7, route: 'userApiTokens.get' });
    // Another operation is not affected.
    expect((await losant('POST', '/me/tokens', { name: 'x' })).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const answer = await losant('GET', '/me/tokens');
      expect(answer).toMatchObject({
        status: 429,
        body: { type: 'TooManyRequests', message: 'Too Many Requests' },
      });
      expect(answer.headers.get('retry-after')).toBe('7');
    }
    expect((await losant('GET', '/me/tokens')).status).toBe(200);
    expect(mock.requests.map((r) => r.fault ?? null)).toEqual([null, 'fail', 'fail', null]);
  });

  it('failNext on Instana keeps the X-RateLimit headers and can set X-RateLimit-Reset', async () => {
    const mock = await start({ instanaRateLimit: 10 });
    const instana = instanaCaller(mock);
    mock.faults.failNext(1, {
      status: 429,
      rateLimitReset: 1_900_000_000,
      route: '/api/settings/api-tokens',
    });
    mock.faults.failNext(1, { status: 503, method: 'get', route: /^\/api\// });
    const limited = await instana('GET', '');
    expect(limited).toMatchObject({ status: 429, body: { errors: ['Too Many Requests'] } });
    expect(limited.headers.get('x-ratelimit-reset')).toBe('1900000000');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('retry-after')).toBeNull();
    const unavailable = await instana('GET', '/some-id');
    expect(unavailable).toMatchObject({ status: 503, body: { errors: ['Service Unavailable'] } });
    // Faulted calls were not counted against the budget.
    expect((await instana('GET', '')).headers.get('x-ratelimit-remaining')).toBe('9');
    // A test that wants a Retry-After on Instana asks for one.
    mock.faults.failNext(1, { status: 429, retryAfter: 3, route: 'getApiTokens' });
    expect((await instana('GET', '')).headers.get('retry-after')).toBe('3');
  });

  it('a failed request is not processed', async () => {
    const mock = await start();
    mock.faults.failNext(1, { status: 500, method: 'POST' });
    expect((await losantCaller(mock)('POST', '/me/tokens', { name: 'x' })).status).toBe(500);
    expect(mock.store.losant.list('user')).toEqual([]);
  });

  it('dropNext before-response: the connection closes with no byte sent, the request unprocessed', async () => {
    const mock = await start();
    mock.faults.dropNext(1, { route: 'userApiTokens.post' });
    const exchange = await rawRequest(mock.url, {
      method: 'POST',
      path: '/me/tokens',
      headers: { ...auth(mock.losant.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lost' }),
    });
    expect(exchange.received.length).toBe(0);
    expect(mock.store.losant.list('user')).toEqual([]);
    await expect(
      fetch(`${mock.url}/me/tokens`, { headers: auth(mock.losant.accessToken) }),
    ).resolves.toMatchObject({ status: 200 });
    expect(mock.requests.map((r) => [r.status, r.fault])).toEqual([
      [undefined, 'drop-before-response'],
      [200, undefined],
    ]);
  });

  it('dropNext mid-body: headers and half the body arrive, then the connection dies; fetch fails', async () => {
    const mock = await start();
    mock.store.losant.add('user', 5);
    mock.faults.dropNext(2, { when: 'mid-body', route: '/me/tokens' });
    const exchange = await rawRequest(mock.url, {
      path: '/me/tokens',
      headers: auth(mock.losant.accessToken),
    });
    expect(exchange.status).toBe(200);
    const declared = Number(exchange.headers['content-length']);
    expect(exchange.body.length).toBe(Math.floor(declared / 2));
    await expect(
      fetch(`${mock.url}/me/tokens`, { headers: auth(mock.losant.accessToken) }).then((r) =>
        r.text(),
      ),
    ).rejects.toThrow();
  });

  it('truncateNext: a complete response whose JSON is cut in half', async () => {
    const mock = await start();
    mock.faults.truncateNext(1, { route: '/me/tokens/:id' });
    const [token] = mock.store.losant.add('user', 1);
    const exchange = await rawRequest(mock.url, {
      path: `/me/tokens/${token?.id}`,
      headers: auth(mock.losant.accessToken),
    });
    expect(exchange.status).toBe(200);
    expect(exchange.headers['content-type']).toContain('application/json');
    expect(exchange.body.length).toBe(Number(exchange.headers['content-length']));
    const text = exchange.body.toString();
    expect(() => JSON.parse(text)).toThrow();
    expect(JSON.stringify(mock.store.losant.get('user', token?.id ?? ''))).toContain(
      text.slice(0, 20),
    );
  });

  it('truncateNext and invalidJsonNext still process the request (the token is created)', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    mock.faults.truncateNext(1, { method: 'POST' });
    mock.faults.invalidJsonNext(1, { method: 'POST' });
    const first = await losant('POST', '/me/tokens', { name: 'one' });
    const second = await losant('POST', '/me/tokens', { name: 'two' });
    for (const answer of [first, second]) {
      expect(answer.status).toBe(201);
      expect(typeof answer.body).toBe('string');
      expect(() => JSON.parse(answer.text)).toThrow();
    }
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(
      mock.store.losant
        .list('user')
        .map((t) => t.name)
        .sort(),
    ).toEqual(['one', 'two']);
  });

  it('htmlErrorNext: a proxy HTML page with the status (502 by default), unprocessed', async () => {
    const mock = await start();
    mock.faults.htmlErrorNext(1);
    mock.faults.htmlErrorNext(1, { status: 504, route: 'postApiToken' });
    const first = await call(`${mock.url}/me/tokens`, { headers: auth(mock.losant.accessToken) });
    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toBe('text/html');
    expect(first.text).toContain('<title>502 Bad Gateway</title>');
    const second = await instanaCaller(mock)('POST', '', {
      internalId: 'i',
      accessGrantingToken: 's',
      name: 'n',
    });
    expect(second.status).toBe(504);
    expect(second.text).toContain('504 Gateway Timeout');
    expect(mock.store.instana.list()).toEqual([]);
  });

  it('latency delays only the matching route (an unmatched request overtakes it)', async () => {
    const mock = await start();
    mock.faults.latency({ route: 'userApiTokens.get', ms: 300 });
    const order: string[] = [];
    const slow = call(`${mock.url}/me/tokens`, { headers: auth(mock.losant.accessToken) }).then(
      () => order.push('slow'),
    );
    // Wait until the slow request has reached the server before sending the fast one.
    while (mock.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const fast = call(`${mock.url}/applications/${mock.losant.applicationId}/tokens`, {
      headers: auth(mock.losant.accessToken),
    }).then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('clear() removes latency rules and pending faults', async () => {
    const mock = await start();
    mock.faults.failNext(5, { status: 500 });
    mock.faults.latency({ ms: 60_000 });
    mock.faults.clear();
    expect((await losantCaller(mock)('GET', '/me/tokens')).status).toBe(200);
  });

  it('consumes matching one-shot faults oldest first', async () => {
    const mock = await start();
    mock.faults.failNext(1, { status: 500 });
    mock.faults.failNext(1, { status: 503 });
    const losant = losantCaller(mock);
    expect((await losant('GET', '/me/tokens')).status).toBe(500);
    expect((await losant('GET', '/me/tokens')).status).toBe(503);
  });

  it('refuses nonsense fault arguments', async () => {
    const mock = await start();
    expect(() => mock.faults.failNext(0, { status: 500 })).toThrow(TypeError);
    expect(() => mock.faults.failNext(1, { status: 99 })).toThrow(TypeError);
    expect(() => mock.faults.latency({ ms: -1 })).toThrow(TypeError);
    expect(() => mock.faults.dropNext(1.5)).toThrow(TypeError);
  });
});
