import { globPattern } from '@tokenkit/schemas/losant';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LosantApiToken, LosantTokenSeed } from '../src/index.js';
import { losantCaller, start } from './helpers.js';

interface Query {
  sortField: 'name' | 'status' | 'id' | 'creationDate' | 'lastUpdated' | 'expirationDate';
  sortDirection: 'asc' | 'desc';
  page: number;
  perPage: number;
  filterField?: 'name' | 'status';
  filter?: string;
}

/** The brute-force reference: filter, sort ascending by (field, id), reverse for desc, slice. */
function reference(
  tokens: readonly LosantApiToken[],
  query: Query,
): { ids: string[]; total: number } {
  const { filterField, filter } = query;
  const kept =
    filterField !== undefined && filter !== undefined
      ? tokens.filter((token) => globPattern(filter, { ignoreCase: true }).test(token[filterField]))
      : [...tokens];
  const key = (token: LosantApiToken): number | string => {
    const value = token[query.sortField];
    if (
      query.sortField === 'creationDate' ||
      query.sortField === 'lastUpdated' ||
      query.sortField === 'expirationDate'
    ) {
      return value === undefined ? Number.NEGATIVE_INFINITY : new Date(value).getTime();
    }
    return value as string;
  };
  const ascending = kept.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const ordered = query.sortDirection === 'desc' ? ascending.reverse() : ascending;
  const from = query.page * query.perPage;
  return { ids: ordered.slice(from, from + query.perPage).map((t) => t.id), total: kept.length };
}

const DATES = [
  '2025-01-01T00:00:00.000Z',
  '2025-06-01T12:00:00.000Z',
  '2026-01-01T00:00:00.000Z',
  '2024-02-29T23:59:59.999Z',
];
const NAMES = [
  'alpha',
  'Alpha',
  'beta',
  'my token',
  'my-deploy-token',
  'a?b',
  'star*',
  'Zed',
  'ü-token',
  '',
];

const tokenSeed = fc.record({
  name: fc.oneof(
    fc.constantFrom(...NAMES.filter((n) => n !== '')),
    fc.string({ minLength: 1, maxLength: 6 }),
  ),
  status: fc.constantFrom('active', 'inactive'),
  creationDate: fc.constantFrom(...DATES),
  lastUpdated: fc.constantFrom(...DATES),
  expirationDate: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
});

const query: fc.Arbitrary<Query> = fc
  .record({
    sortField: fc.constantFrom(
      'name',
      'status',
      'id',
      'creationDate',
      'lastUpdated',
      'expirationDate',
    ),
    sortDirection: fc.constantFrom('asc', 'desc'),
    page: fc.nat({ max: 4 }),
    perPage: fc.integer({ min: 1, max: 7 }),
    filterField: fc.option(fc.constantFrom('name', 'status'), { nil: undefined }),
    filter: fc.option(
      fc.oneof(
        fc.constantFrom(
          '*',
          'a*',
          '*TOKEN',
          'my*token',
          '?lpha',
          'act*',
          'inactive',
          'a?b',
          'star*',
        ),
        fc.stringMatching(/^[a-z*?]{1,4}$/),
      ),
      { nil: undefined },
    ),
  })
  .map((q) => {
    const out: Query = {
      sortField: q.sortField,
      sortDirection: q.sortDirection,
      page: q.page,
      perPage: q.perPage,
    };
    if (q.filterField !== undefined) out.filterField = q.filterField;
    if (q.filter !== undefined) out.filter = q.filter;
    return out;
  });

describe('Losant list: pagination, sort and filter', () => {
  it('matches a brute-force reference over random data sets and queries', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const owner = { applicationId: mock.losant.applicationId };
    await fc.assert(
      fc.asyncProperty(fc.array(tokenSeed, { maxLength: 25 }), query, async (seeds, q) => {
        mock.store.reset();
        const stored = mock.store.losant.add(
          owner,
          seeds.map((s) => ({ ...s }) as LosantTokenSeed),
        );
        const search = new URLSearchParams({
          sortField: q.sortField,
          sortDirection: q.sortDirection,
          page: String(q.page),
          perPage: String(q.perPage),
          ...(q.filterField === undefined ? {} : { filterField: q.filterField }),
          ...(q.filter === undefined ? {} : { filter: q.filter }),
        });
        const answer = await losant('GET', `/applications/${owner.applicationId}/tokens?${search}`);
        expect(answer.status).toBe(200);
        const body = answer.body as {
          items: LosantApiToken[];
          count: number;
          totalCount: number;
        } & Record<string, unknown>;
        // A filter only applies when both halves are given.
        const effective: Query = { ...q };
        if (q.filterField === undefined || q.filter === undefined) {
          delete effective.filterField;
          delete effective.filter;
        }
        const expected = reference(stored, effective);
        expect(body.items.map((t) => t.id)).toEqual(expected.ids);
        expect(body.count).toBe(expected.ids.length);
        expect(body.totalCount).toBe(expected.total);
        expect(body).toMatchObject({
          page: q.page,
          perPage: q.perPage,
          sortField: q.sortField,
          sortDirection: q.sortDirection,
          ownerId: owner.applicationId,
          ownerType: 'application',
        });
        if (q.filter !== undefined) expect(body.filter).toBe(q.filter);
        if (q.filterField !== undefined) expect(body.filterField).toBe(q.filterField);
      }),
      { numRuns: 120 },
    );
  });

  it('walks every page exactly once, in order, whatever the page size', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('asc', 'desc'),
        async (n, perPage, direction) => {
          mock.store.reset();
          // Same name for all: only the id tiebreak orders them.
          const stored = mock.store.losant.add(
            'user',
            Array.from({ length: n }, () => ({ name: 'same' })),
          );
          const seen: string[] = [];
          for (let page = 0; ; page++) {
            const answer = await losant(
              'GET',
              `/me/tokens?perPage=${perPage}&page=${page}&sortDirection=${direction}`,
            );
            const body = answer.body as { items: { id: string }[]; totalCount: number };
            expect(body.totalCount).toBe(n);
            if (body.items.length === 0) break;
            seen.push(...body.items.map((t) => t.id));
          }
          const ids = stored.map((t) => t.id).sort();
          expect(seen).toEqual(direction === 'asc' ? ids : ids.reverse());
        },
      ),
      { numRuns: 25 },
    );
  });

  it('defaults to page 0, perPage 100, sorted by name ascending, and echoes the defaults', async () => {
    const mock = await start();
    const owner = { applicationId: mock.losant.applicationId };
    mock.store.losant.add(owner, 2537);
    const answer = await losantCaller(mock)('GET', `/applications/${owner.applicationId}/tokens`);
    const body = answer.body as { items: LosantApiToken[] } & Record<string, unknown>;
    expect(body).toMatchObject({
      count: 100,
      totalCount: 2537,
      perPage: 100,
      page: 0,
      sortField: 'name',
      sortDirection: 'asc',
    });
    expect(body).not.toHaveProperty('filter');
    const names = body.items.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    const last = await losantCaller(mock)(
      'GET',
      `/applications/${owner.applicationId}/tokens?page=25&perPage=100`,
    );
    expect(last.body).toMatchObject({ count: 37, totalCount: 2537, page: 25 });
  });

  it('accepts page and perPage as digit strings, including perPage 0 (an empty page)', async () => {
    const mock = await start();
    mock.store.losant.add('user', 3);
    const answer = await losantCaller(mock)('GET', '/me/tokens?perPage=0');
    expect(answer.body).toMatchObject({ items: [], count: 0, totalCount: 3, perPage: 0 });
  });
});
