import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LosantApplication } from '../src/index.js';
import { losantCaller, start } from './helpers.js';

const ORG_A = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const ORG_B = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const ACCEPTED = [
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.cli',
  'all.User.read',
  'applications.*',
  'applications.get',
];

interface Page {
  items: (LosantApplication & { summary: Record<string, number> })[];
  count: number;
  totalCount: number;
  [key: string]: unknown;
}

type SortField = 'name' | 'id' | 'creationDate' | 'ownerId' | 'lastUpdated';

/** The reference: filter by a `*`-only glob, sort ascending by (field, id), reverse for desc. */
function reference(
  apps: readonly LosantApplication[],
  q: { sortField: SortField; sortDirection: 'asc' | 'desc'; page: number; perPage: number },
  filter: string | undefined,
): { ids: string[]; total: number } {
  const glob =
    filter === undefined
      ? undefined
      : new RegExp(`^${filter.split('*').map(escapeRegExp).join('.*')}$`, 'is');
  const kept = apps.filter((app) => glob === undefined || glob.test(app.name));
  const ascending = kept.sort((a, b) => {
    const ka = a[q.sortField];
    const kb = b[q.sortField];
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  const ordered = q.sortDirection === 'desc' ? ascending.reverse() : ascending;
  const from = q.page * q.perPage;
  return { ids: ordered.slice(from, from + q.perPage).map((a) => a.id), total: kept.length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DATES = ['2025-01-01T00:00:00.000Z', '2025-06-01T12:00:00.000Z', '2026-01-01T00:00:00.000Z'];

describe('Losant GET /applications', () => {
  it('pages, sorts and filters like a token list (checked against a reference)', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: fc.constantFrom('alpha', 'Beta', 'my app', 'my-other-app', 'zed'),
            creationDate: fc.constantFrom(...DATES),
            lastUpdated: fc.constantFrom(...DATES),
            org: fc.constantFrom(undefined, ORG_A, ORG_B),
          }),
          { maxLength: 20 },
        ),
        fc.record({
          sortField: fc.constantFrom<SortField>(
            'name',
            'id',
            'creationDate',
            'ownerId',
            'lastUpdated',
          ),
          sortDirection: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
          page: fc.nat({ max: 3 }),
          perPage: fc.integer({ min: 1, max: 6 }),
        }),
        fc.option(fc.constantFrom('my*', '*app', 'ALPHA', '*'), { nil: undefined }),
        async (seeds, q, filter) => {
          mock.store.reset();
          for (const { org, ...seed } of seeds) {
            mock.store.losant.addApplications([seed], org === undefined ? {} : { orgId: org });
          }
          const search = new URLSearchParams({
            sortField: q.sortField,
            sortDirection: q.sortDirection,
            page: String(q.page),
            perPage: String(q.perPage),
            ...(filter === undefined ? {} : { filterField: 'name', filter }),
          });
          const answer = await losant('GET', `/applications?${search}`);
          expect(answer.status).toBe(200);
          const body = answer.body as Page;
          const expected = reference(mock.store.losant.listApplications(), q, filter);
          expect(body.items.map((a) => a.id)).toEqual(expected.ids);
          expect(body).toMatchObject({
            count: expected.ids.length,
            totalCount: expected.total,
            page: q.page,
            perPage: q.perPage,
            sortField: q.sortField,
            sortDirection: q.sortDirection,
          });
          if (filter !== undefined) expect(body).toMatchObject({ filter, filterField: 'name' });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('narrows by orgId: absent = all, blank = the user own, an id = that organization', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const mine = mock.store.losant.addApplications(2);
    const orgA = mock.store.losant.addApplications(3, { orgId: ORG_A, organizationName: 'Acme' });
    const orgB = mock.store.losant.addApplications(1, { orgId: ORG_B });
    const ids = async (query: string) =>
      ((await losant('GET', `/applications?perPage=50&sortField=id${query}`)).body as Page).items
        .map((a) => a.id)
        .sort();
    const sorted = (apps: { id: string }[]) => apps.map((a) => a.id).sort();
    const seeded = { id: mock.losant.applicationId };
    expect(await ids('')).toEqual(sorted([seeded, ...mine, ...orgA, ...orgB]));
    expect(await ids('&orgId=')).toEqual(sorted([seeded, ...mine]));
    expect(await ids(`&orgId=${ORG_A.toUpperCase()}`)).toEqual(sorted(orgA));
    expect(await ids('&orgId=cccccccccccccccccccccccc')).toEqual([]);

    const page = (await losant('GET', `/applications?orgId=${ORG_A}`)).body as Page;
    expect(page.items[0]).toMatchObject({
      ownerType: 'organization',
      ownerId: ORG_A,
      organizationName: 'Acme',
    });
    const own = (await losant('GET', '/applications?orgId=')).body as Page;
    for (const app of own.items) {
      expect(app).toMatchObject({ ownerType: 'user', ownerId: mock.losant.userId });
      expect(app).not.toHaveProperty('organizationName');
    }
  });

  it('counts each application tokens in summary.apiTokenCount, narrowed by summaryInclude/Exclude', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    const [app] = mock.store.losant.addApplications([{ name: 'counted' }], { tokensEach: 4 });
    expect(mock.store.losant.list({ applicationId: app?.id ?? '' })).toHaveLength(4);
    const get = async (query: string) =>
      ((await losant('GET', `/applications?filterField=name&filter=counted${query}`)).body as Page)
        .items[0];
    expect((await get(''))?.summary).toEqual({ apiTokenCount: 4, deviceCount: 0, flowCount: 0 });
    expect((await get('&summaryInclude=apiTokenCount'))?.summary).toEqual({ apiTokenCount: 4 });
    expect((await get('&summaryExclude=deviceCount,flowCount'))?.summary).toEqual({
      apiTokenCount: 4,
    });
    expect(await get('')).toMatchObject({
      id: app?.id,
      applicationId: app?.id,
      name: 'counted',
      creationDate: expect.any(String),
      lastUpdated: expect.any(String),
    });
  });

  it('accepts each of its scopes alone, refuses others with 403, and shows an application token only its own', async () => {
    const mock = await start();
    mock.store.losant.addApplications(2, { orgId: ORG_A });
    for (const scope of ACCEPTED) {
      const [holder] = mock.store.losant.add('user', [{ scope: [scope] }]);
      const answer = await losantCaller(mock, holder?.token)('GET', '/applications');
      expect(answer.status, scope).toBe(200);
      expect((answer.body as Page).totalCount, scope).toBe(3);
    }
    const [outsider] = mock.store.losant.add('user', [{ scope: ['applicationApiTokens.get'] }]);
    expect((await losantCaller(mock, outsider?.token)('GET', '/applications')).status).toBe(403);
    const [appToken] = mock.store.losant.add({ applicationId: mock.losant.applicationId }, [
      { scope: ['all.Application', 'applications.get'] },
    ]);
    const own = await losantCaller(mock, appToken?.token)('GET', '/applications');
    expect((own.body as Page).items.map((a) => a.id)).toEqual([mock.losant.applicationId]);
  });

  it('refuses a malformed orgId or sort field with 400, answers 405 to POST, adds HAL with _links', async () => {
    const mock = await start();
    const losant = losantCaller(mock);
    for (const query of ['orgId=nope', 'sortField=status', 'filterField=description&filter=x']) {
      const answer = await losant('GET', `/applications?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body).toMatchObject({ type: 'Validation' });
    }
    expect((await losant('POST', '/applications', { name: 'x' })).status).toBe(405);
    const linked = await losant('GET', '/applications?_links=true');
    expect(linked.body).toMatchObject({
      _type: 'applications',
      _links: { self: { href: '/applications' } },
      items: [
        {
          _type: 'application',
          _links: { self: { href: `/applications/${mock.losant.applicationId}` } },
        },
      ],
    });
  });

  it('grows with applications named by store.losant.add, and resets to the seeded one', async () => {
    const mock = await start();
    const other = 'dddddddddddddddddddddddd';
    mock.store.losant.add({ applicationId: other }, 1);
    expect(mock.store.losant.listApplications().map((a) => a.id)).toEqual([
      mock.losant.applicationId,
      other,
    ]);
    expect(() => mock.store.losant.addApplications([{ id: other }])).toThrow(TypeError);
    expect(() => mock.store.losant.addApplications(1, { orgId: 'x' })).toThrow(TypeError);
    expect(() => mock.store.losant.addApplications(1, { tokensEach: -1 })).toThrow(TypeError);
    mock.store.reset();
    expect(mock.store.losant.listApplications()).toEqual([
      expect.objectContaining({ id: mock.losant.applicationId, name: 'Mock Application' }),
    ]);
  });
});
