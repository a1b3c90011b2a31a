import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  createLosantClient,
  type LosantClient,
  type LosantClientOptions,
} from '../../src/index.js';

/** A mock server plus a client holding its all-scopes user credential. */
export interface MockSetup {
  mock: MockServer;
  losant: LosantClient;
  /** Another client on the same server, with another access token. */
  clientWith(accessToken: string, options?: Partial<LosantClientOptions>): LosantClient;
}

/** Starts `@tokenkit/mock-server` on 127.0.0.1 with a deterministic seed. */
export async function startMock(options: Partial<LosantClientOptions> = {}): Promise<MockSetup> {
  const mock = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'losant-tests' });
  const clientWith = (accessToken: string, extra: Partial<LosantClientOptions> = {}) =>
    createLosantClient({ url: mock.url, ...options, ...extra, accessToken });
  return { mock, losant: clientWith(mock.losant.accessToken), clientWith };
}

/**
 * Starts the mock for a test file and resets it around each test: its store and request log
 * before, its faults after. The returned object is filled in before the first test runs.
 */
export function useMock(): MockSetup {
  const setup = {} as MockSetup;
  beforeAll(async () => {
    Object.assign(setup, await startMock());
  });
  afterAll(() => setup.mock.close());
  beforeEach(() => {
    setup.mock.store.reset();
    setup.mock.clearRequests();
  });
  afterEach(() => setup.mock.faults.clear());
  return setup;
}
