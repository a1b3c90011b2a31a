// The application list models against losant-rest 2.8.1's own `applications` JSON schema
// (ajv + ajv-formats), and the query's messages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { applications, applicationsQuery } from '../../src/losant.js';

const require = createRequire(import.meta.url);
const { $schema: _, ...vendorApplications } = JSON.parse(
  readFileSync(require.resolve('losant-rest/lib/schemas/applications.json'), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false }); // the vendor file has a stray `max` keyword;
addFormats(ajv);
const vendorAccepts = ajv.compile(vendorApplications);

const app = {
  id: '575ec8687ae143cd83dc4a97',
  applicationId: '575ec8687ae143cd83dc4a97',
  name: 'Field sensors',
  description: 'Gateways in the field',
  ownerId: '575ed70c7ae143cd83dc4aa8',
  ownerType: 'organization',
  organizationName: 'Acme',
  creationDate: '2016-06-13T04:00:00.000Z',
  lastUpdated: '2016-06-13T04:00:00.000Z',
  endpointSlug: 'sensors',
  summary: { apiTokenCount: 3, deviceCount: 12 },
};
const page = (items: unknown[]) => ({
  items,
  count: items.length,
  totalCount: 7,
  perPage: 1,
  page: 0,
  sortField: 'name',
  sortDirection: 'asc',
});

type Fixture = readonly [name: string, value: unknown, valid: boolean];

const fixtures: readonly Fixture[] = [
  ['an organization application', page([app]), true],
  [
    'a user application without organizationName',
    page([{ ...app, ownerType: 'user', organizationName: undefined }]),
    true,
  ],
  ['an empty page', page([]), true],
  ['an unknown owner type', page([{ ...app, ownerType: 'team' }]), false],
  ['a malformed id', page([{ ...app, id: 'nope' }]), false],
  ['an empty name', page([{ ...app, name: '' }]), false],
  ['a name of 256 characters', page([{ ...app, name: 'n'.repeat(256) }]), false],
  ['an impossible creation date', page([{ ...app, creationDate: '2027-02-30T00:00:00Z' }]), false],
  ['a fractional count', { ...page([app]), count: 1.5 }, false],
  ['items that are not a list', { ...page([]), items: {} }, false],
];

describe('applications agrees with losant-rest 2.8.1', () => {
  test.each(fixtures)('%s', (_name, value, valid) => {
    const json = JSON.parse(JSON.stringify(value));
    expect(vendorAccepts(json)).toBe(valid);
    expect(applications.safeParse(json).success).toBe(valid);
  });

  test('keeps unknown fields of the page and of each application', () => {
    const parsed = applications.parse({ ...page([app]), _type: 'applications' });
    expect(parsed._type).toBe('applications');
    expect(parsed.items?.[0]?.summary).toEqual({ apiTokenCount: 3, deviceCount: 12 });
    expect(parsed.items?.[0]?.organizationName).toBe('Acme');
  });
});

describe('applicationsQuery', () => {
  const issues = (value: unknown) =>
    applicationsQuery.safeParse(value).error?.issues.map(({ path, message }) => [path, message]);

  test('takes every param and sends page numbers as strings', () => {
    expect(
      applicationsQuery.parse({
        sortField: 'ownerId',
        sortDirection: 'desc',
        page: 2,
        perPage: '50',
        filterField: 'name',
        filter: 'prod-*',
        orgId: '575ed70c7ae143cd83dc4aa8',
        summaryExclude: 'deviceCount,flowCount',
        summaryInclude: 'apiTokenCount',
      }),
    ).toMatchObject({ page: '2', perPage: '50', orgId: '575ed70c7ae143cd83dc4aa8' });
  });

  test('takes a blank orgId (the user’s own applications)', () => {
    expect(applicationsQuery.parse({ orgId: '' })).toEqual({ orgId: '' });
  });

  test('names the field and the allowed values', () => {
    expect(issues({ orgId: 'acme' })).toEqual([
      [['orgId'], "must be a 24-character hexadecimal id, or '' for the user's own applications"],
    ]);
    expect(issues({ sortField: 'status' })).toEqual([
      [['sortField'], "must be one of 'name', 'id', 'creationDate', 'ownerId' or 'lastUpdated'"],
    ]);
    expect(issues({ filterField: 'status' })).toEqual([[['filterField'], "must be 'name'"]]);
    expect(issues({ perPage: -1 })).toEqual([
      [['perPage'], 'must be a non-negative integer (a number or a string of digits)'],
    ]);
    expect(issues({ perpage: 5 })).toEqual([[['perpage'], 'is not a known field']]);
  });
});
