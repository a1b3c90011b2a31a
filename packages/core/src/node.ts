/**
 * `@tokenkit/core` as Node.js loads it (the `node` export condition): the same API, with
 * requests sent through `node:http`/`node:https` instead of the global fetch (see `node-transport.ts`).
 * Browsers, edge runtimes, Deno and Bun load `index.ts`, which holds no Node module.
 */
import {
  createHttpClientOn,
  createHttpClient as createOnFetch,
  type HttpClient,
  type HttpClientOptions,
} from './http-client.js';
import { nodeTransport } from './node-transport.js';

export * from './index.js';

/**
 * Creates the transport a vendor package is built on; on Node, requests go through `node:http`
 * and `node:https` (their global keep-alive agents) unless `options.fetch` is given. See the `createHttpClient` of the main entry.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return options.fetch ? createOnFetch(options) : createHttpClientOn(options, nodeTransport);
}
