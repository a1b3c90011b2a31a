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
