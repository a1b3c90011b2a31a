import { json, type RecordingServer, startHandlerServer, until } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient, isRequestValidationError, paginate } from '../src/index.js';

interface Page {
  items: number[];
  totalCount: number;
}

const total = 2537;
let server: RecordingServer;
beforeAll(async () => {
  server = await startHandlerServer(async (request, response) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const page = Number(query.get('page'));
    const perPage = Number(query.get('perPage'));
    const delay = Number(query.get('delay') ?? 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const start = page * perPage;
    const items = Array.from(
      { length: Math.max(0, Math.min(perPage, total - start)) },
      (_, i) => start + i,
    );
    const reportedTotal = query.get('hideTotal') ? undefined : total;
    json(response, 200, { items, totalCount: reportedTotal });
  });
});
afterAll(() => server.close());

function list(
  options: { perPage?: number; prefetch?: boolean; hideTotal?: boolean; delay?: number } = {},
) {
  const http = createHttpClient({ baseUrl: server.url });
  const perPage = options.perPage ?? 100;
  const signals: AbortSignal[] = [];
  const iterator = paginate({
    perPage,
    prefetch: options.prefetch,
    fetchPage: async (page, signal) => {
      signals.push(signal);
      const response = await http.request<Page>(
        {
          method: 'GET',
          path: '/items',
          query: { page, perPage, hideTotal: options.hideTotal || undefined, delay: options.delay },
        },
        { signal },
      );
      return response.data;
    },
    items: (page) => page.items,
    totalCount: (page) => page.totalCount,
  });
  return { iterator, signals };
}

describe('paginate', () => {
  test.each([false, true])(
    '2,537 items in pages of 100 arrive once each, in order (prefetch %s)',
    async (prefetch) => {
      const before = server.requests.length;
      const seen: number[] = [];
      for await (const item of list({ prefetch }).iterator) seen.push(item);
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
      // Stops on totalCount: pages 0..25, no request for an empty 27th page.
      expect(server.requests.length - before).toBe(26);
    },
  );

  test('without totalCount it stops on the first empty page', async () => {
    const before = server.requests.length;
    let count = 0;
    for await (const _ of list({ hideTotal: true }).iterator) count++;
    expect(count).toBe(total);
    expect(server.requests.length - before).toBe(27);
  });

  test('pages() yields whole pages', async () => {
    const sizes: number[] = [];
    for await (const page of list({ perPage: 1000 }).iterator.pages())
      sizes.push(page.items.length);
    expect(sizes).toEqual([1000, 1000, 537]);
  });

  test('break after the first page sends exactly one request', async () => {
    const before = server.requests.length;
    let count = 0;
    for await (const _ of list().iterator) {
      if (++count === 100) break;
    }
    expect(count).toBe(100);
    expect(server.requests.length - before).toBe(1);
  });

  test('with prefetch, the next page is requested while the caller works, and break aborts it', async () => {
    const before = server.requests.length;
    const { iterator, signals } = list({ prefetch: true, delay: 300 });
    for await (const page of iterator.pages()) {
      expect(page.items[0]).toBe(0);
      // Page 1 is already on its way while we look at page 0 (without prefetch this never resolves).
      await until(() => server.requests.length - before === 2);
      break;
    }
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(true);
  });

  test('breaking out of the items with prefetch aborts the page in flight', async () => {
    const before = server.requests.length;
    const { iterator, signals } = list({ prefetch: true, delay: 300 });
    for await (const item of iterator) {
      expect(item).toBe(0);
      await until(() => server.requests.length - before === 2);
      break;
    }
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(true);
  });

  test('startPage skips earlier pages', async () => {
    const seen: number[] = [];
    const http = createHttpClient({ baseUrl: server.url });
    const iterator = paginate({
      perPage: 1000,
      startPage: 2,
      fetchPage: async (page) =>
        (
          await http.request<Page>({
            method: 'GET',
            path: '/items',
            query: { page, perPage: 1000 },
          })
        ).data,
      items: (page) => page.items,
      totalCount: (page) => page.totalCount,
    });
    for await (const item of iterator) seen.push(item);
    expect(seen).toHaveLength(537);
    expect(seen[0]).toBe(2000);
  });

  test('perPage must be a positive integer', () => {
    for (const perPage of [0, -1, 1.5]) {
      let error: unknown;
      try {
        paginate({ perPage, fetchPage: async () => [], items: (page: number[]) => page });
      } catch (caught) {
        error = caught;
      }
      expect(isRequestValidationError(error)).toBe(true);
    }
  });

  test('a failing page rejects the loop with its error', async () => {
    const iterator = paginate({
      perPage: 10,
      fetchPage: async (page): Promise<number[]> => {
        if (page === 1) throw new Error('page 1 failed');
        return Array.from({ length: 10 }, (_, i) => i);
      },
      items: (page) => page,
    });
    const seen: number[] = [];
    await expect(async () => {
      for await (const item of iterator) seen.push(item);
    }).rejects.toThrow('page 1 failed');
    expect(seen).toHaveLength(10);
  });
});
