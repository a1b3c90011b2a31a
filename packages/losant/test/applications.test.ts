import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from '@tokenkit/http-test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLosantClient,
  type LosantClient,
  RequestValidationError,
  ResponseValidationError,
} from '../src/index.js';
import { applicationBody, applicationsBody, ids } from './helpers/fixtures.js';
import { losantResponder } from './helpers/losant-responder.js';
import { officialScopes } from './helpers/losant-rest.js';

let server: RecordingServer;
let losant: LosantClient;

beforeAll(async () => {
  server = await startRecordingServer({ respond: losantResponder });
  losant = createLosantClient({ accessToken: 'token', url: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clear();
  server.respond = losantResponder;
});

/** 23 applications, served `perPage` at a time the way Losant pages them. */
function pagedApplications(request: RecordedRequest) {
  const all = Array.from({ length: 23 }, (_, index) =>
    applicationBody({ id: index.toString(16).padStart(24, '0'), name: `app-${index}` }),
  );
  const page = Number(request.query.page ?? 0);
  const perPage = Number(request.query.perPage ?? 100);
  const items = all.slice(page * perPage, (page + 1) * perPage);
  return { body: applicationsBody(items, { page, perPage, totalCount: all.length }) };
}

describe('applications.get', () => {
  it('sends GET /applications with the default flags and resolves to the parsed page', async () => {
    const page = await losant.applications.get();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/applications',
      rawQuery: '_actions=false&_links=true&_embedded=true',
    });
    expect(page.items?.[0]).toMatchObject({
      id: ids.applicationId,
      name: 'Field sensors',
      ownerId: ids.organizationId,
      ownerType: 'organization',
      organizationName: 'Acme',
    });
  });

  it('keeps the fields it does not model, on the page and on each application', async () => {
    const page = await losant.applications.get({ orgId: '' });
    expect(page._type).toBe('applications');
    expect(page.items?.[0]?.summary).toEqual({ apiTokenCount: 2, deviceCount: 40 });
    expect(page.items?.[0]?.endpointSlug).toBe('field-sensors');
  });

  it('carries its name, doc page and the scopes losant-rest documents for it', () => {
    expect(losant.applications.get.action).toBe('applications.get');
    expect(losant.applications.get.docs).toBe('https://docs.losant.com/rest-api/applications/#get');
    expect(losant.applications.get.scopes).toEqual(officialScopes('applications', 'get'));
  });

  it('refuses an answer that breaks the contract', async () => {
    server.respond = () => ({ body: applicationsBody([applicationBody({ ownerType: 'team' })]) });
    const error = await losant.applications.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([
      expect.objectContaining({ path: 'items[0].ownerType' }),
    ]);
  });
});

describe('applications params are refused before anything is sent', () => {
  it.each([
    [{ orgId: 'acme' }, 'orgId', /24-character hexadecimal id, or ''/],
    [
      { sortField: 'status' },
      'sortField',
      /'name', 'id', 'creationDate', 'ownerId' or 'lastUpdated'/,
    ],
    [{ filterField: 'status' }, 'filterField', /must be 'name'/],
    [{ perPage: 2.5 }, 'perPage', /non-negative integer/],
    [{ summaryExclude: ['deviceCount'] }, 'summaryExclude', /comma-separated list/],
    [{ orgid: ids.organizationId }, 'orgid', /is not a param of applications.get/],
    [{ _links: 'yes' }, '_links', /must be true or false/],
    [{ losantdomain: 'a\r\nb' }, 'headers.losantdomain', /.+/],
  ])('%j names %s', async (params, field, message) => {
    const error = await losant.applications.get(params as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe(field);
    expect((error as RequestValidationError).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('iterate throws at once on bad params or perPage 0, with no request', () => {
    expect(() => losant.applications.iterate({ orgId: 'acme' })).toThrow(RequestValidationError);
    expect(() => losant.applications.iterate({ perPage: 0 })).toThrow(/perPage/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('applications.iterate', () => {
  it('yields every application once, page after page, and stops at the last page', async () => {
    server.respond = pagedApplications;
    const names: string[] = [];
    for await (const application of losant.applications.iterate({ perPage: 10, orgId: '' })) {
      names.push(application.name!);
    }
    expect(names).toEqual(Array.from({ length: 23 }, (_, index) => `app-${index}`));
    expect(server.requests.map((request) => request.query.page)).toEqual(['0', '1', '2']);
    expect(server.requests.every((request) => request.query.orgId === '')).toBe(true);
  });

  it('iterates whole pages, starting where asked', async () => {
    server.respond = pagedApplications;
    const counts: number[] = [];
    for await (const page of losant.applications.iterate({ page: 1, perPage: 10 }).pages()) {
      counts.push(page.items?.length ?? 0);
    }
    expect(counts).toEqual([10, 3]);
  });
});
