import { expect, it } from 'vitest';
import { useMock } from './helpers/mock.js';

const env = useMock();

it('a DELETE whose answer was lost, then 429, then 404 resolves as deleted', async () => {
  const [token] = env.mock.store.losant.add('user', 1);
  const route = 'userApiToken.delete';
  // The first attempt deletes and its answer is dropped; the retry is rate limited; the next
  // finds nothing: the token is gone, as asked.
  env.mock.faults.dropNext(1, { route });
  env.mock.faults.failNext(1, { route, status: 429, retryAfter: '0' });
  await expect(env.losant.userApiToken.delete({ apiTokenId: token!.id })).resolves.toEqual({
    success: true,
  });
  expect(env.mock.store.losant.list('user')).toHaveLength(0);
  expect(env.mock.requests.filter((entry) => entry.operation === route)).toHaveLength(3);
});
