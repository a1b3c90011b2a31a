import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createInstanaClient, type InstanaClient } from '../src/index.js';

/** The mock server and a client on it, shared by a test file. */
export interface MockClient {
  readonly mock: MockServer;
  readonly instana: InstanaClient;
  /** Whether `secret` authenticates: with `canConfigureApiTokens` it can read `internalId`. */
  authenticates(secret: string, internalId: string): Promise<boolean>;
}

/**
 * Starts the mock server for the calling test file, with a client holding the seeded credential,
 * and resets the store, the faults and the request log before each test.
 */
export function useMockClient(): MockClient {
  let mock: MockServer | undefined;
  let instana: InstanaClient | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    instana = createInstanaClient({ apiToken: mock.instana.apiToken, baseUrl: mock.url });
  });
  afterAll(() => mock?.close());
  beforeEach(() => {
    mock?.store.reset();
    mock?.faults.clear();
    mock?.clearRequests();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the mock server is not running yet');
    return value;
  };
  return {
    get mock() {
      return started(mock);
    },
    get instana() {
      return started(instana);
    },
    async authenticates(secret, internalId) {
      const baseUrl = started(mock).url;
      const client = createInstanaClient({ apiToken: secret, baseUrl, maxRetries: 0 });
      return (await client.apiTokens.getApiToken(internalId)).internalId === internalId;
    },
  };
}

/** Targets the create operation. */
export const POST = { route: 'postApiToken' } as const;

/** Each way the answer to a POST can be lost, and whether the mock created the token first. */
export const lostPostAnswers: [string, (mock: MockServer) => void, boolean][] = [
  ['dropped before the response', (m) => m.faults.dropNext(1, POST), false],
  ['dropped mid-body', (m) => m.faults.dropNext(1, { ...POST, when: 'mid-body' }), true],
  ['truncated', (m) => m.faults.truncateNext(1, POST), true],
  ['invalid JSON', (m) => m.faults.invalidJsonNext(1, POST), true],
  ['a 502 HTML page', (m) => m.faults.htmlErrorNext(1, POST), false],
  ['a 503 JSON error', (m) => m.faults.failNext(1, { ...POST, status: 503 }), false],
];
