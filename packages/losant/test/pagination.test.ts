import type { MockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LosantClient } from '../src/index.js';
import { startMock } from './helpers/mock.js';

let mock: MockServer;
let losant: LosantClient;

beforeAll(async () => {
  ({ mock, losant } = await startMock());
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.store.reset();
  mock.clearRequests();
});

function listRequests() {
  return mock.requests.filter((entry) => entry.operation?.endsWith('ApiTokens.get'));
}

describe('iterate', () => {
  it('yields each of 2,537 application tokens exactly once', async () => {
    const applicationId = mock.losant.applicationId;
    const seeded = mock.store.losant.add({ applicationId }, 2537);
    const seen: string[] = [];
    for await (const token of losant.applicationApiTokens.iterate({ applicationId })) {
      seen.push(token.id!);
    }
    expect(seen).toHaveLength(2537);
    expect(new Set(seen).size).toBe(2537);
    expect(new Set(seen)).toEqual(new Set(seeded.map((token) => token.id)));
    // perPage defaults to 100: pages 0…25, and no request past the last page.
    const requests = listRequests();
    expect(requests.map((entry) => entry.query.page)).toEqual(
      Array.from({ length: 26 }, (_, page) => String(page)),
    );
    expect(requests.every((entry) => entry.query.perPage === '100')).toBe(true);
  });

  it('honours perPage, filters and a start page on instance tokens', async () => {
    const instanceId = mock.losant.instanceId;
    mock.store.losant.add(
      { instanceId },
      Array.from({ length: 30 }, (_, index) => ({ name: `${index % 2 ? 'ci' : 'ops'}-${index}` })),
    );
    const names: string[] = [];
    const iterator = losant.instanceApiTokens.iterate({
      instanceId,
      perPage: 4,
      page: 1,
      filterField: 'name',
      filter: 'ci-*',
      sortField: 'name',
    });
    for await (const token of iterator) names.push(token.name!);
    // 15 ci-* tokens, page 0 (4 of them) skipped.
    expect(names).toHaveLength(11);
    expect(names.every((name) => name.startsWith('ci-'))).toBe(true);
    expect(listRequests().every((entry) => entry.query.filter === 'ci-*')).toBe(true);
  });

  it('gives whole pages through pages()', async () => {
    mock.store.losant.add('user', 7);
    const sizes: number[] = [];
    for await (const page of losant.userApiTokens.iterate({ perPage: 3 }).pages()) {
      sizes.push(page.items?.length ?? 0);
      expect(page.totalCount).toBe(7);
    }
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('sends nothing more once the loop breaks', async () => {
    mock.store.losant.add('user', 50);
    for await (const token of losant.userApiTokens.iterate({ perPage: 10 })) {
      expect(token.id).toBeDefined();
      break;
    }
    expect(listRequests()).toHaveLength(1);
  });

  it('stops on an empty list after one request', async () => {
    const seen = [];
    for await (const token of losant.userApiTokens.iterate()) seen.push(token);
    expect(seen).toEqual([]);
    expect(listRequests()).toHaveLength(1);
  });
});
