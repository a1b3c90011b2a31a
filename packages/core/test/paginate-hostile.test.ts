import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHttpClient, paginate } from '../src/index.js';

interface Page {
  items: number[];
  totalCount?: number;
  perPage?: number;
}

/**
 * A list server that lies as `mode` says. Pages are `size` items (what it echoes as `perPage`,
 * whatever was asked), numbered from `page * size`.
 */
let server: RecordingServer;
beforeAll(async () => {
  server = await startHandlerServer((request, response) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const page = Number(query.get('page'));
    const mode = query.get('mode');
    const size = 100;
    const run = (start: number, length: number) => Array.from({ length }, (_, i) => start + i);
    const pages: Record<string, () => Page> = {
      // Ignores the page number: the same full page for ever, under a huge total.
      same: () => ({ items: run(0, size), totalCount: 1e9, perPage: size }),
      // A short second page under a huge total.
      short: () => ({
        items: run(page * size, page === 0 ? size : 40),
        totalCount: 1e9,
        perPage: size,
      }),
      // The first page says 250 items, later pages say more, and every page is full.
      growing: () => ({ items: run(page * size, size), totalCount: page === 0 ? 250 : 1e9 + page }),
      // Asked for 1000 per page, it caps at 100 (and says so): 250 items in 3 pages.
      capped: () => ({
        items: run(page * size, page < 2 ? size : 50),
        totalCount: 250,
        perPage: size,
      }),
    };
    json(response, 200, pages[String(mode)]?.());
  });
});
afterAll(() => server.close());

async function walk(mode: string, perPage = 100): Promise<{ items: number[]; requests: number }> {
  server.clear();
  const http = createHttpClient({ baseUrl: server.url });
  const items: number[] = [];
  const iterator = paginate({
    perPage,
    fetchPage: async (page, signal) =>
      (
        await http.request<Page>(
          { method: 'GET', path: '/', query: { page, perPage, mode } },
          { signal },
        )
      ).data,
    items: (page) => page.items,
    totalCount: (page) => page.totalCount,
    pageSize: (page) => page.perPage,
  });
  for await (const item of iterator) {
    items.push(item);
    // A walk that should have ended long ago: fail rather than hang.
    if (items.length > 10_000) throw new Error('paginate did not stop');
  }
  return { items, requests: server.requests.length };
}

test('a page that repeats the one before ends the walk (a server ignoring the page number)', async () => {
  const { items, requests } = await walk('same');
  expect(items).toHaveLength(100);
  expect(requests).toBe(2);
});

test('a page shorter than the page size the server echoes is the last, whatever totalCount says', async () => {
  const { items, requests } = await walk('short');
  expect(items).toHaveLength(140);
  expect(requests).toBe(2);
});

test("the first page's totalCount bounds the walk, however later pages grow it", async () => {
  const { items, requests } = await walk('growing');
  expect(items).toHaveLength(300);
  expect(requests).toBe(3);
});

test('a server that caps the page size lower than asked still yields every item', async () => {
  const { items, requests } = await walk('capped', 1000);
  expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
  expect(requests).toBe(3);
});
