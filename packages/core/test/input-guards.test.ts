import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHttpClient,
  createTokenAuth,
  isRequestValidationError,
  isTokenkitError,
  path,
  pickClientOptions,
  type RequestValidationError,
  validateInput,
} from '../src/index.js';
import { schema, tokenSchema } from './helpers/schemas.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startHandlerServer((_request, response) => json(response, 200, {}));
});
afterAll(() => server.close());

function caught(action: () => unknown): RequestValidationError {
  try {
    action();
  } catch (error) {
    expect(isRequestValidationError(error)).toBe(true);
    return error as RequestValidationError;
  }
  throw new Error('expected a RequestValidationError');
}

describe('path', () => {
  test('encodes each interpolated value as one segment', () => {
    expect(path`/instances/${'a/b?c#d%e'}/tokens/${42}`).toBe(
      '/instances/a%2Fb%3Fc%23d%25e/tokens/42',
    );
  });

  test.each([
    ['', 'must not be empty'],
    ['.', "must not be '.' or '..'"],
    ['..', "must not be '.' or '..'"],
    [undefined, 'must be a string'],
    [null, 'must be a string'],
    [{ id: 1 }, 'must be a string'],
    [Number.NaN, 'must be a string'],
    ['id-\uD800', 'must be well-formed text'],
    ['\uDC00', 'must be well-formed text'],
    ['\uDC00\uD800', 'must be well-formed text'],
  ])('rejects %o naming the segment', (value, message) => {
    const error = caught(() => path`/a/${'ok'}/b/${value}`);
    expect(error.field).toBe('path[1]');
    expect(error.message).toContain(message);
  });

  test('keeps a proper surrogate pair (an emoji) as its UTF-8 bytes', () => {
    expect(path`/tokens/${'a😀'}`).toBe('/tokens/a%F0%9F%98%80');
  });

  test('a lone surrogate reaches no server and is bad input, not a URIError', async () => {
    const before = server.requests.length;
    const http = createHttpClient({ baseUrl: server.url });
    const error = await Promise.resolve()
      .then(() => http.request({ method: 'GET', path: path`/tokens/${'id-\uD800'}` }))
      .catch((error_: unknown) => error_);
    expect(isRequestValidationError(error)).toBe(true);
    expect((error as RequestValidationError).field).toBe('path[0]');
    expect(server.requests.length).toBe(before);
  });

  test("a '..' segment reaches no server", async () => {
    const before = server.requests.length;
    const http = createHttpClient({ baseUrl: server.url });
    const error = await Promise.resolve()
      .then(() => http.request({ method: 'GET', path: path`/instances/${'..'}/admin` }))
      .catch((error_: unknown) => error_);
    expect(isRequestValidationError(error)).toBe(true);
    expect(server.requests.length).toBe(before);
  });
});

describe('headers', () => {
  test.each([
    ['client', { headers: { 'x-domain': 'a\r\nInjected: yes' } }, {}, {}],
    ['request', {}, { 'x-domain': 'a\nb' }, {}],
    ['call', {}, {}, { 'x-domain': 'a\u0000b' }],
  ])(
    'CR/LF/NUL in a %s header value is refused before anything is sent',
    async (_where, client, request, call) => {
      const before = server.requests.length;
      const run = async () => {
        const http = createHttpClient({ baseUrl: server.url, ...client });
        return http.request({ method: 'GET', path: '/', headers: request }, { headers: call });
      };
      const error = (await run().catch((error_: unknown) => error_)) as RequestValidationError;
      expect(isRequestValidationError(error)).toBe(true);
      expect(error.field).toBe('headers.x-domain');
      expect(error.message).not.toContain('Injected');
      expect(server.requests.length).toBe(before);
    },
  );

  test.each([
    ['a C0 control (U+0001)', 'a\u0001b', 'client'],
    ['DEL (U+007F)', 'a\u007fb', 'request'],
    ['a code point above U+00FF (€)', 'price-€', 'call'],
    ['a lone surrogate', 'a\uD800', 'call'],
  ])(
    'a value with %s is refused as bad input before anything is sent',
    async (_label, value, where) => {
      const before = server.requests.length;
      const set = { 'x-note': value };
      const run = async () => {
        const http = createHttpClient({
          baseUrl: server.url,
          ...(where === 'client' ? { headers: set } : {}),
        });
        return http.request(
          { method: 'GET', path: '/', ...(where === 'request' ? { headers: set } : {}) },
          where === 'call' ? { headers: set } : {},
        );
      };
      const error = (await run().catch((error_: unknown) => error_)) as RequestValidationError;
      expect(isRequestValidationError(error)).toBe(true);
      expect(error.field).toBe('headers.x-note');
      expect(server.requests.length).toBe(before);
    },
  );

  test('tab, visible ASCII and Latin-1 values reach the server', async () => {
    const http = createHttpClient({ baseUrl: server.url });
    await http.request({ method: 'GET', path: '/' }, { headers: { 'x-note': 'a\tb ~ café' } });
    const seen = server.requests.at(-1);
    // node:http reads header bytes as Latin-1, so the é arrives as the one byte sent.
    expect(seen?.headers['x-note']).toBe('a\tb ~ café');
  });

  test.each([
    ['a space', 'bad name'],
    ['a colon', 'x:y'],
    ['a non-ASCII letter', 'x-é'],
    ['nothing', ''],
  ])('a header name with %s is refused before anything is sent', async (_label, name) => {
    const before = server.requests.length;
    const http = createHttpClient({ baseUrl: server.url });
    const error = (await http
      .request({ method: 'GET', path: '/' }, { headers: { [name]: 'x' } })
      .catch((error_: unknown) => error_)) as RequestValidationError;
    expect(isRequestValidationError(error)).toBe(true);
    expect(error.field).toBe(`headers.${name}`);
    expect(server.requests.length).toBe(before);
  });

  test('an invalid header name is refused', () => {
    const error = caught(() =>
      createHttpClient({ baseUrl: server.url, headers: { 'bad name': 'x' } }),
    );
    expect(error.field).toBe('headers.bad name');
  });
});

describe('other request input', () => {
  test('baseUrl must be an absolute http(s) URL', () => {
    expect(caught(() => createHttpClient({ baseUrl: 'api.losant.com' })).field).toBe('baseUrl');
    expect(caught(() => createHttpClient({ baseUrl: 'ftp://x' })).field).toBe('baseUrl');
  });

  test.each([
    ['a user name and password', (url: string) => url.replace('//', '//user:pw-secret-7431@')],
    ['a user name only', (url: string) => url.replace('//', '//pw-secret-7431@')],
    ['a password only', (url: string) => url.replace('//', '//:pw-secret-7431@')],
  ])('a baseUrl with %s is refused at creation, never echoing it', (_label, make) => {
    const error = caught(() => createHttpClient({ baseUrl: make(server.url) }));
    expect(error.field).toBe('baseUrl');
    expect(error.message).toMatch(/^baseUrl must not contain a user name or password/);
    expect(JSON.stringify(error)).not.toContain('pw-secret-7431');
    expect(String(error.stack)).not.toContain('pw-secret-7431');
  });

  test('baseUrlField names the option as the caller knows it', () => {
    const withPassword = server.url.replace('//', '//user:pw-secret-7431@');
    const error = caught(() => createHttpClient({ baseUrl: withPassword, baseUrlField: 'url' }));
    expect(error.field).toBe('url');
    expect(error.message).toMatch(/^url must not contain a user name or password/);
    expect(caught(() => createHttpClient({ baseUrl: 'x', baseUrlField: 'url' })).field).toBe('url');
  });

  test('query values of the wrong type, bad methods and bad timeouts are refused', async () => {
    const http = createHttpClient({ baseUrl: server.url });
    const before = server.requests.length;
    const query = await http
      .request({ method: 'GET', path: '/', query: { page: {} as unknown as string } })
      .catch((error: unknown) => error);
    expect((query as RequestValidationError).field).toBe('query.page');
    const method = await http
      .request({ method: 'TRACE' as 'GET', path: '/' })
      .catch((error: unknown) => error);
    expect((method as RequestValidationError).field).toBe('method');
    const timeout = await http
      .request({ method: 'GET', path: '/' }, { timeout: -1 })
      .catch((error: unknown) => error);
    expect((timeout as RequestValidationError).field).toBe('timeout');
    expect(server.requests.length).toBe(before);
  });
});

describe('body', () => {
  test('a body JSON cannot represent is refused before anything is sent', async () => {
    const before = server.requests.length;
    const http = createHttpClient({ baseUrl: server.url });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const body of [{ n: 1n }, cyclic]) {
      const error = await http
        .request({ method: 'POST', path: '/', body })
        .catch((error_: unknown) => error_);
      expect((error as RequestValidationError).field).toBe('body');
    }
    expect(server.requests.length).toBe(before);
  });

  test('a GET with a body is refused (fetch could not send it), and maxRetries is checked per client', async () => {
    const before = server.requests.length;
    const error = await createHttpClient({ baseUrl: server.url })
      .request({ method: 'GET', path: '/', body: { name: 'x' } })
      .catch((error_: unknown) => error_);
    expect(error).toMatchObject({ name: 'RequestValidationError', field: 'body' });
    expect(server.requests.length).toBe(before);
    expect(caught(() => createHttpClient({ baseUrl: server.url, maxRetries: -1 }))).toMatchObject({
      field: 'maxRetries',
    });
  });
});

describe('pickClientOptions', () => {
  test("keeps the options core takes from a vendor client's options, and only those that are set", () => {
    const logger = { debug: () => undefined };
    const vendorOptions = {
      apiKey: 'k',
      url: 'https://x',
      timeout: 5,
      logger,
      maxRetries: undefined,
    };
    expect(pickClientOptions(vendorOptions)).toEqual({ timeout: 5, logger });
  });
});

describe('token auth', () => {
  test("a provider's own failure becomes a TokenkitError and nothing is sent", async () => {
    const before = server.requests.length;
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({
        scheme: 'Bearer',
        field: 'accessToken',
        token: async () => {
          throw new Error('vault unreachable');
        },
      }),
    });
    const error = await http
      .request({ method: 'GET', path: '/' })
      .catch((error_: unknown) => error_);
    expect(isTokenkitError(error)).toBe(true);
    expect((error as Error).message).toBe('The accessToken provider failed: vault unreachable');
    expect(server.requests.length).toBe(before);
  });

  test('strips a pasted scheme', async () => {
    const auth = createTokenAuth({ scheme: 'Bearer', token: 'bearer abc.def' });
    expect(await auth.authorization()).toBe('Bearer abc.def');
  });

  test.each([
    ['has a space', 'abc def'],
    ['has a newline', 'abc\ndef'],
    ['has a tab', 'abc\tdef'],
    ['has a control character', 'abc\u0007def'],
    ['is empty', '   '],
  ])('a static token that %s is refused, naming the field but not the value', (_label, token) => {
    const error = caught(() => createTokenAuth({ scheme: 'Bearer', token, field: 'accessToken' }));
    expect(error.field).toBe('accessToken');
    expect(error.message.startsWith('accessToken')).toBe(true);
    expect(error.message).not.toContain('abc');
    expect(JSON.stringify(error)).not.toContain('def');
  });

  test.each([
    ['Bearer', 'Bearer '],
    ['Bearer', 'Bearer'],
    ['Bearer', ' bearer  '],
    ['apiToken', 'APITOKEN '],
  ])(
    'with scheme %s, a token that is only the scheme (%o) is refused as empty',
    (scheme, token) => {
      const error = caught(() => createTokenAuth({ scheme, token, field: 'accessToken' }));
      expect(error.field).toBe('accessToken');
      expect(error.message).toBe('accessToken must not be empty');
    },
  );

  test('a provider returning only the scheme sends nothing', async () => {
    const before = server.requests.length;
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({ scheme: 'Bearer', token: () => 'Bearer ' }),
    });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((error_: unknown) => error_)) as RequestValidationError;
    expect(isRequestValidationError(error)).toBe(true);
    expect(error.message).toBe('token must not be empty');
    expect(server.requests.length).toBe(before);
  });

  test("a provider's bad token is refused per request, before anything is sent", async () => {
    const before = server.requests.length;
    const http = createHttpClient({
      baseUrl: server.url,
      auth: createTokenAuth({ scheme: 'apiToken', token: async () => 'bad\r\ntoken' }),
    });
    const error = (await http
      .request({ method: 'GET', path: '/' })
      .catch((error_) => error_)) as RequestValidationError;
    expect(error.field).toBe('token');
    expect(server.requests.length).toBe(before);
  });
});

describe('validateInput', () => {
  test('returns the output for valid input', () => {
    expect(validateInput(tokenSchema, { name: 'a', scope: ['a'] }, 'apiToken')).toEqual({
      name: 'a',
      scope: ['a'],
    });
  });

  test('names the path in plain words', () => {
    const error = caught(() =>
      validateInput(tokenSchema, { name: 'a', scope: ['a', 'b', 'x'] }, 'apiToken'),
    );
    expect(error.field).toBe('apiToken.scope[2]');
    expect(error.message).toBe("apiToken.scope[2]: unknown scope 'x'");
  });

  test('lists every issue, and odd keys are quoted', () => {
    const odd = schema(() => [{ message: 'first', path: ['a-b', 0] }, { message: 'second' }]);
    const error = caught(() => validateInput(odd, {}, 'params'));
    expect(error.message).toBe('params["a-b"][0]: first; params: second');
    expect(error.issues).toHaveLength(2);
  });

  test('an asynchronous schema is refused, naming the input', () => {
    const asyncSchema = schema(() => [{ message: 'nope', path: ['x'] }], { async: true });
    expect(() => validateInput(asyncSchema, {}, 'input')).toThrow(
      "The schema for 'input' validates asynchronously; validateInput needs a synchronous schema",
    );
  });
});
