import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstanaClient } from '@tokenkit/instana';
import { createLosantClient } from '@tokenkit/losant';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll } from 'vitest';
import type { Connections } from '../src/index.js';

/** What a test file shares: the mock, clients on it over real HTTP, a scratch folder. */
export interface PlanFixture {
  readonly mock: MockServer;
  readonly connections: Connections;
  readonly scratch: string;
}

/** Starts the mock and a scratch folder for the calling test file; both go away after it. */
export function usePlanFixture(): () => PlanFixture {
  let state: PlanFixture | undefined;
  beforeAll(async () => {
    const mock = await startMockServer({ port: 0 });
    const scratch = await mkdtemp(join(tmpdir(), 'tokenkit-plan-'));
    const connections: Connections = {
      losant: {
        client: createLosantClient({
          accessToken: mock.losant.accessToken,
          url: mock.url,
          backoff: { initialDelay: 1, maxDelay: 5 },
        }),
        credential: mock.losant.accessToken,
      },
      instana: {
        client: createInstanaClient({
          apiToken: mock.instana.apiToken,
          baseUrl: mock.url,
          backoff: { initialDelay: 1, maxDelay: 5 },
        }),
        credential: mock.instana.apiToken,
      },
    };
    state = { mock, connections, scratch };
  });
  afterAll(async () => {
    await state?.mock.close();
    if (state) await rm(state.scratch, { recursive: true, force: true });
  });
  return () => {
    if (state === undefined) throw new Error('the fixture has not started');
    return state;
  };
}
