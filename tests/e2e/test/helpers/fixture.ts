import { createInstanaClient, type InstanaClient } from '@tokenkit/instana';
import { createLosantClient, type LosantClient } from '@tokenkit/losant';
import { type MockServer, type MockServerOptions, startMockServer } from '@tokenkit/mock-server';
import { SecretWatch } from './secret-watch.js';

/** A mock server, one client per vendor pointed at it, and the watch both clients log into. */
export interface Fixture {
  readonly mock: MockServer;
  readonly losant: LosantClient;
  readonly instana: InstanaClient;
  readonly watch: SecretWatch;
  /** The seeded Losant ids, for params. */
  readonly instanceId: string;
  readonly applicationId: string;
  close(): Promise<void>;
}

/** Client settings for {@link startFixture}. */
export interface FixtureOptions {
  /** Per-attempt timeout of both clients, ms. */
  readonly timeout?: number;
  /** Retries of both clients. */
  readonly maxRetries?: number;
  readonly mock?: MockServerOptions;
}

/**
 * Starts a fresh mock server (one per test, so tests can run concurrently without sharing
 * fault queues or request logs) and both clients, each with a recording logger. The seeded
 * credentials are registered as secrets at once.
 */
export async function startFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const mock = await startMockServer({ port: 0, host: '127.0.0.1', ...options.mock });
  const watch = new SecretWatch();
  watch.secret(mock.losant.accessToken, mock.instana.apiToken);
  const shared = {
    logger: watch.logger,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  const losant = createLosantClient({
    accessToken: mock.losant.accessToken,
    url: mock.url,
    ...shared,
  });
  const instana = createInstanaClient({
    apiToken: mock.instana.apiToken,
    baseUrl: mock.url,
    ...shared,
  });
  return {
    mock,
    losant,
    instana,
    watch,
    instanceId: mock.losant.instanceId,
    applicationId: mock.losant.applicationId,
    close: () => mock.close(),
  };
}
