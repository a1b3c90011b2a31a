import { type RecordingServer, startRecordingServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLosantClient,
  DEFAULT_ACCEPT_VERSION,
  type Logger,
  RequestValidationError,
} from '../src/index.js';
import { losantResponder } from './helpers/losant-responder.js';

let server: RecordingServer;

beforeAll(async () => {
  server = await startRecordingServer({ respond: losantResponder });
});
afterAll(() => server.close());
beforeEach(() => server.clear());

function lastRequest() {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('nothing was sent');
  return request;
}

describe('client options', () => {
  it('sends acceptVersion as Accept-Version, ^1.30.0 by default', async () => {
    await createLosantClient({ accessToken: 't', url: server.url }).userApiTokens.get();
    expect(lastRequest().headers['accept-version']).toBe(DEFAULT_ACCEPT_VERSION);
    expect(DEFAULT_ACCEPT_VERSION).toBe('^1.30.0');
    await createLosantClient({
      accessToken: 't',
      url: server.url,
      acceptVersion: '^1.29.3',
    }).userApiTokens.get();
    expect(lastRequest().headers['accept-version']).toBe('^1.29.3');
  });

  it('sends client headers, and per-call headers over them', async () => {
    const losant = createLosantClient({
      accessToken: 't',
      url: server.url,
      headers: { 'x-team': 'platform', 'x-trace': 'client' },
    });
    await losant.userApiTokens.get({}, { headers: { 'x-trace': 'call' } });
    expect(lastRequest().headers['x-team']).toBe('platform');
    expect(lastRequest().headers['x-trace']).toBe('call');
  });

  it('accepts a url with a trailing slash', async () => {
    await createLosantClient({ accessToken: 't', url: `${server.url}/` }).userApiTokens.get();
    expect(lastRequest().path).toBe('/me/tokens');
  });

  it('asks an access-token provider before each request', async () => {
    let calls = 0;
    const losant = createLosantClient({
      url: server.url,
      accessToken: async () => `rotated-${++calls}`,
    });
    await losant.userApiTokens.get();
    await losant.userApiTokens.get();
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer rotated-1',
      'Bearer rotated-2',
    ]);
  });

  it('uses the given fetch', async () => {
    const seen: string[] = [];
    const losant = createLosantClient({
      accessToken: 't',
      url: server.url,
      fetch: (input, init) => {
        seen.push(`${input.method} ${new URL(input.url).pathname}`);
        return fetch(input, init);
      },
    });
    await losant.userApiToken.delete({ apiTokenId: '5d1b2c3d4e5f6071829304b5' });
    expect(seen).toEqual(['DELETE /me/tokens/5d1b2c3d4e5f6071829304b5']);
    expect(server.requests).toHaveLength(1);
  });

  it('logs through the logger without the access token', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, details) => lines.push(message, JSON.stringify(details)),
    };
    const losant = createLosantClient({
      accessToken: 'very-secret-token',
      url: server.url,
      logger,
    });
    await losant.userApiTokens.get();
    expect(lines.join('\n')).toContain('GET');
    expect(lines.join('\n')).not.toContain('very-secret-token');
  });

  it.each(['ftp://example.com', 'api.losant.com', '', 'https://me:hunter2@api.losant.com'])(
    'refuses the url %j',
    (url) => {
      const error = (() => {
        try {
          createLosantClient({ accessToken: 't', url });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).field).toBe('url');
      expect(String((error as Error).message)).not.toContain('hunter2');
    },
  );
});
