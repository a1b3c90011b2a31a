import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, expect, test } from 'vitest';
import { createHttpClient, createTokenAuth } from '../src/index.js';

let servers: RecordingServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof startHandlerServer>): Promise<RecordingServer> {
  const server = await startHandlerServer(...args);
  servers.push(server);
  return server;
}

const auth = createTokenAuth({ scheme: 'Bearer', token: 'redirect-secret' });

test('a redirect to another origin (another port) does not carry Authorization', async () => {
  const other = await serve((_request, response) => json(response, 200, { landed: true }));
  const origin = await serve((_request, response) => {
    response.writeHead(302, { location: `${other.url}/elsewhere` });
    response.end();
  });
  const http = createHttpClient({ baseUrl: origin.url, auth, headers: { cookie: 'session=1' } });
  const response = await http.request({ method: 'GET', path: '/start' });
  expect(response.data).toEqual({ landed: true });
  expect(origin.requests[0]?.headers.authorization).toBe('Bearer redirect-secret');
  expect(other.requests).toHaveLength(1);
  expect(other.requests[0]?.headers.authorization).toBeUndefined();
  expect(other.requests[0]?.headers.cookie).toBeUndefined();
});

test('a same-origin redirect keeps Authorization, and a 307 keeps method and body', async () => {
  const server = await serve((request, response) => {
    if (request.url === '/old') {
      response.writeHead(307, { location: '/new' });
      response.end();
      return;
    }
    json(response, 200, { method: request.method, body: request.body });
  });
  const http = createHttpClient({ baseUrl: server.url, auth });
  const response = await http.request({ method: 'POST', path: '/old', body: { a: 1 } });
  expect(response.data).toEqual({ method: 'POST', body: '{"a":1}' });
  expect(server.requests.map((request) => request.headers.authorization)).toEqual([
    'Bearer redirect-secret',
    'Bearer redirect-secret',
  ]);
});

test('once a redirect left the origin, hopping back does not restore Authorization', async () => {
  let originUrl = '';
  const other = await serve((_request, response) => {
    response.writeHead(302, { location: `${originUrl}/back` });
    response.end();
  });
  const origin = await serve((request, response) => {
    if (request.url === '/start') {
      response.writeHead(301, { location: `${other.url}/bounce` });
      response.end();
      return;
    }
    json(response, 200, { auth: request.headers.authorization ?? null });
  });
  originUrl = origin.url;
  const http = createHttpClient({ baseUrl: origin.url, auth });
  const response = await http.request({ method: 'GET', path: '/start' });
  expect(response.data).toEqual({ auth: null });
});

test('a redirect loop ends with a ConnectionError', async () => {
  const server = await serve((_request, response) => {
    response.writeHead(302, { location: '/loop' });
    response.end();
  });
  const http = createHttpClient({ baseUrl: server.url, maxRetries: 0 });
  const error = await http.request({ method: 'GET', path: '/loop' }).catch((caught) => caught);
  expect(error).toMatchObject({
    name: 'ConnectionError',
    code: 'ETOOMANYREDIRECTS',
    request: { method: 'GET', url: `${server.url}/loop` },
  });
  expect(server.requests).toHaveLength(6);
});

test('a 307/308 that would resend a body to another origin is refused, naming the redirect', async () => {
  for (const status of [307, 308]) {
    const other = await serve((_request, response) => json(response, 201, { created: true }));
    const origin = await serve((_request, response) => {
      response.writeHead(status, { location: `${other.url}/copy?token=redirect-secret` });
      response.end();
    });
    const http = createHttpClient({ baseUrl: origin.url, auth, maxRetries: 0 });
    const error = await http
      .request({ method: 'POST', path: '/tokens', body: { secret: 'body-secret' } })
      .catch((caught) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'EREDIRECT' });
    expect(error.message).toContain(`redirect ${status} to ${other.url}/copy?token=REDACTED`);
    expect(error.message).toContain('would send the request body to another origin');
    expect(JSON.stringify(error)).not.toContain('redirect-secret');
    expect(other.requests).toHaveLength(0);
  }
});

test('a cross-origin GET redirect drops authorization, proxy-authorization and cookie', async () => {
  const other = await serve((request, response) =>
    json(response, 200, {
      authorization: request.headers.authorization ?? null,
      proxy: request.headers['proxy-authorization'] ?? null,
      cookie: request.headers.cookie ?? null,
    }),
  );
  const origin = await serve((_request, response) => {
    response.writeHead(307, { location: `${other.url}/elsewhere` });
    response.end();
  });
  const http = createHttpClient({
    baseUrl: origin.url,
    auth,
    headers: { 'proxy-authorization': 'Basic cHJveHk6c2VjcmV0', cookie: 'session=1' },
  });
  const response = await http.request({ method: 'GET', path: '/start' });
  expect(response.data).toEqual({ authorization: null, proxy: null, cookie: null });
  expect(origin.requests[0]?.headers['proxy-authorization']).toBe('Basic cHJveHk6c2VjcmV0');
});

test('a 301/302 after a POST to another origin becomes a GET without the body, as today', async () => {
  const other = await serve((request, response) =>
    json(response, 200, { method: request.method, body: request.body }),
  );
  const origin = await serve((_request, response) => {
    response.writeHead(302, { location: `${other.url}/done` });
    response.end();
  });
  const http = createHttpClient({ baseUrl: origin.url, auth });
  const response = await http.request({ method: 'POST', path: '/', body: { secret: 'x' } });
  expect(response.data).toEqual({ method: 'GET', body: '' });
});
