import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterEach, expect, it } from 'vitest';
import { createInstanaClient, isResponseTooLargeError, type RetryEvent } from '../src/index.js';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it('maxResponseBytes and hooks reach core: a retry is observed, a large answer refused', async () => {
  server = await startHandlerServer((_request, response, index) => {
    if (index === 0) json(response, 503, {}, { 'retry-after': '0' });
    else json(response, 200, [{ filler: 'x'.repeat(5000) }]);
  });
  const retries: RetryEvent[] = [];
  const instana = createInstanaClient({
    apiToken: 'instana-hooks-token',
    baseUrl: server.url,
    maxResponseBytes: 1000,
    hooks: { beforeRetry: (event) => retries.push(event) },
  });
  const error = await instana.apiTokens.getApiTokens().catch((caught) => caught);
  expect(isResponseTooLargeError(error)).toBe(true);
  expect(error.maxResponseBytes).toBe(1000);
  expect(retries).toHaveLength(1);
  expect(retries[0]).toMatchObject({ reason: '503', retry: 1 });
  expect(JSON.stringify(retries)).not.toContain('instana-hooks-token');
});
