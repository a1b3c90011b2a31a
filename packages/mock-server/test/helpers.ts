import { connect } from 'node:net';
import { afterEach } from 'vitest';
import { type MockServer, type MockServerOptions, startMockServer } from '../src/index.js';

/** An HTTP answer, body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

const running = new Set<MockServer>();
afterEach(async () => {
  await Promise.all([...running].map((mock) => mock.close()));
  running.clear();
});

/** Starts a mock server that is closed after the current test. */
export async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = await startMockServer(options);
  running.add(mock);
  return mock;
}

/** One HTTP call with global fetch. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A Losant caller bound to a token (the seeded credential by default). */
export function losantCaller(mock: MockServer, token: string = mock.losant.accessToken) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(`${mock.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });
}

/** An Instana caller bound to a token (the seeded credential by default). */
export function instanaCaller(mock: MockServer, token: string = mock.instana.apiToken) {
  return (method: string, path: string, body?: unknown) =>
    call(`${mock.url}/api/settings/api-tokens${path}`, {
      method,
      headers: { authorization: `apiToken ${token}` },
      body,
    });
}

/** What a raw TCP client received for one request, and whether the server closed on it. */
export interface RawExchange {
  /** Every byte received before the connection closed. */
  received: Buffer;
  /** The status code, when a status line arrived. */
  status: number | undefined;
  /** Response headers (lower-cased), when they arrived. */
  headers: Record<string, string>;
  /** The bytes after the header block. */
  body: Buffer;
}

/**
 * Sends one request over a raw socket with `Connection: close` and collects everything until
 * the connection ends, so a test sees exactly what a client sees (including a cut body).
 */
export function rawRequest(
  url: string,
  request: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => resolve(parseRaw(Buffer.concat(chunks))));
    const body = request.body ?? '';
    const headers = {
      host: `${hostname}:${port}`,
      connection: 'close',
      'content-length': String(Buffer.byteLength(body)),
      ...request.headers,
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`${request.method ?? 'GET'} ${request.path} HTTP/1.1\r\n${head}\r\n${body}`);
  });
}

function parseRaw(received: Buffer): RawExchange {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return { received, status: undefined, headers: {}, body: Buffer.alloc(0) };
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    received,
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: received.subarray(end + 4),
  };
}

/** Runs `tasks` with at most `limit` in flight; resolves with their results in order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
