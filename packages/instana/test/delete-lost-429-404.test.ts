import { expect, it } from 'vitest';
import { newApiToken } from '../src/index.js';
import { useMockClient } from './mock-client.js';

const ctx = useMockClient();

it('a DELETE whose answer was lost, then 429, then 404 resolves as deleted', async () => {
  const created = await ctx.instana.apiTokens.postApiToken(newApiToken({ name: 'doomed' }));
  const route = 'deleteApiToken';
  // The first attempt deletes and its answer is dropped; the retry is rate limited; the next
  // finds nothing: the token is gone, as asked.
  ctx.mock.faults.dropNext(1, { route });
  ctx.mock.faults.failNext(1, { route, status: 429, retryAfter: '0' });
  await expect(ctx.instana.apiTokens.deleteApiToken(created.internalId)).resolves.toBeUndefined();
  expect(ctx.mock.store.instana.get(created.internalId)).toBeUndefined();
  expect(ctx.mock.requests.filter((entry) => entry.operation === route)).toHaveLength(3);
});
