import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClock } from './clock.js';
import { type Backends, dispatch, vendorError } from './dispatch.js';
import { failureReply } from './fault-replies.js';
import { createFaults } from './faults.js';
import { createRateLimiter } from './instana/rate-limit.js';
import { instanaRoutes } from './instana/routes.js';
import { createInstanaStore } from './instana/store.js';
import { listen } from './listen.js';
import { losantRoutes } from './losant/routes.js';
import { createLosantStore, losantSecret } from './losant/store.js';
import { createRandom, objectId } from './random.js';
import { createRequestLog } from './request-log.js';
import { handleExchange, type PipelineContext } from './request-pipeline.js';
import { createStoreApi } from './store-api.js';
import type { MockServer, MockServerOptions } from './types.js';

const ROUTES = [...losantRoutes, ...instanaRoutes];

/**
 * Starts the mock server: Losant's 15 API-token actions and Instana's 5 API-token operations
 * over real HTTP, backed by an in-memory store, with fault injection and a request log.
 *
 * @example
 * const mock = await startMockServer();
 * const res = await fetch(`${mock.url}/me/tokens`, {
 *   headers: { Authorization: `Bearer ${mock.losant.accessToken}` },
 * });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    instanaRateLimit = 5000,
    requestLogLimit = 10_000,
  } = options;
  nonNegativeInteger('instanaRateLimit', instanaRateLimit);
  nonNegativeInteger('requestLogLimit', requestLogLimit);
  const clock = createClock(options.now);
  const random = createRandom(options.seed);
  const started = clock();
  const userId = objectId(random, started);
  const losant = createLosantStore(
    {
      instanceId: objectId(random, started),
      applicationId: objectId(random, started),
      userId,
      userName: 'Mock User',
    },
    random,
    clock,
  );
  const losantCredential = losantSecret(random, userId, started);
  const instana = createInstanaStore(random.hex(20), random, clock);
  const rateLimiter = createRateLimiter(instanaRateLimit, clock);
  const faults = createFaults();
  const log = createRequestLog(requestLogLimit);
  const shutdown = new AbortController();

  const backends: Backends = { losant, losantCredential, instana, rateLimiter, random, clock };
  const pipeline: PipelineContext = {
    routes: ROUTES,
    faults,
    log,
    clock,
    shutdown: shutdown.signal,
    dispatch: (request) => dispatch(backends, request),
    error: (request, status, message) => vendorError(backends, request, status, message),
    failure: (request, fault) => failureReply(backends, request, fault),
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handleExchange(pipeline, req, res).catch(() => {
      // Only reachable when the socket died under us (reading the body failed): no one is
      // left to answer, so end whatever is still open.
      res.destroy();
    });
  };
  const server = await listen(handler, port, host, () => shutdown.abort());

  return {
    url: server.url,
    losant: {
      accessToken: losantCredential,
      instanceId: losant.seed.instanceId,
      applicationId: losant.seed.applicationId,
      userId,
    },
    instana: { apiToken: instana.credential.accessGrantingToken },
    store: createStoreApi(losant, instana, rateLimiter),
    faults,
    get requests() {
      return log.snapshot();
    },
    clearRequests: () => log.clear(),
    close: server.close,
  };
}

function nonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
