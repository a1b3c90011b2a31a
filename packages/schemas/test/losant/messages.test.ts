// What a caller reads when a value is refused: the path of the failing field and a message in
// plain words (core prefixes the path, so the message says only what is wrong).
import { describe, expect, test } from 'vitest';
import type * as z from 'zod/mini';
import {
  apiToken,
  apiTokenPatch,
  apiTokenPost,
  apiTokenScope,
  listQuery,
  objectId,
  orgRoleGrant,
} from '../../src/losant.js';

function issues(schema: z.ZodMiniType, value: unknown): [string, string][] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

const id = '0123456789abcdef01234567';

describe('apiTokenPost', () => {
  test.each<[string, unknown, [string, string][]]>([
    ['a missing name', {}, [['name', 'is required']]],
    ['an empty name', { name: '' }, [['name', 'must not be empty']]],
    ['a long name', { name: 'x'.repeat(256) }, [['name', 'must be at most 255 characters']]],
    ['a numeric name', { name: 7 }, [['name', 'must be a string']]],
    [
      'a long description',
      { name: 'a', description: 'x'.repeat(32768) },
      [['description', 'must be at most 32767 characters']],
    ],
    [
      'an unknown scope',
      { name: 'a', scope: ['foo.bar'] },
      [['scope.0', "unknown scope 'foo.bar'"]],
    ],
    [
      'a miscased scope',
      { name: 'a', scope: ['all.Application.read', 'all.user'] },
      [['scope.1', "unknown scope 'all.user'; did you mean 'all.User'?"]],
    ],
    [
      'a duplicate scope',
      { name: 'a', scope: ['me.get', 'all.User', 'me.get'] },
      [['scope.2', "duplicate scope 'me.get' (already at index 0)"]],
    ],
    ['a scope string', { name: 'a', scope: 'all.User' }, [['scope', 'must be a list of scopes']]],
    ['a numeric scope', { name: 'a', scope: [5] }, [['scope.0', 'must be a scope name (string)']]],
    ['a bad status', { name: 'a', status: 'on' }, [['status', "must be 'active' or 'inactive'"]]],
    [
      'a bad defaultRole',
      { name: 'a', defaultRole: 'owner' },
      [['defaultRole', "must be one of 'admin', 'edit', 'collaborate', 'view' or 'none'"]],
    ],
    [
      'a bad date',
      { name: 'a', expirationDate: 'next week' },
      [
        [
          'expirationDate',
          'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-01T00:00:00Z',
        ],
      ],
    ],
    ['one unknown key', { name: 'a', color: 'red' }, [['color', 'is not a known field']]],
    [
      'two unknown keys',
      { name: 'a', color: 'red', size: 2 },
      [
        ['color', 'is not a known field'],
        ['size', 'is not a known field'],
      ],
    ],
    [
      'an unknown key next to a bad field',
      { name: 7, color: 'red' },
      [
        ['name', 'must be a string'],
        ['color', 'is not a known field'],
      ],
    ],
    ['a null body', null, [['', 'must be an object']]],
  ])('%s', (_, value, expected) => {
    expect(issues(apiTokenPost, value)).toEqual(expected);
  });
});

describe('orgRoles', () => {
  const grant = { orgId: id, role: 'view' } as const;
  const resource = { resourceId: id, role: 'view' } as const;

  test("orgId is an ObjectId or 'sandbox'", () => {
    expect(orgRoleGrant.safeParse({ ...grant, orgId: 'sandbox' }).success).toBe(true);
    expect(orgRoleGrant.safeParse({ ...grant, orgId: 'SANDBOX' }).success).toBe(false);
    expect(issues(orgRoleGrant, { ...grant, orgId: 'nope' })).toEqual([
      ['orgId', "must be a 24-character hexadecimal id or 'sandbox'"],
    ]);
  });

  test('at most 25 organizations', () => {
    const body = (n: number) => ({ name: 'a', orgRoles: Array(n).fill(grant) });
    expect(apiTokenPost.safeParse(body(25)).success).toBe(true);
    expect(issues(apiTokenPost, body(26))).toEqual([['orgRoles', 'must have at most 25 entries']]);
  });

  test.each(['applicationRoles', 'dashboardRoles'])('at most 100 %s', (key) => {
    const body = (n: number) => ({ orgRoles: [{ ...grant, [key]: Array(n).fill(resource) }] });
    expect(apiTokenPatch.safeParse(body(100)).success).toBe(true);
    expect(issues(apiTokenPatch, body(101))).toEqual([
      [`orgRoles.0.${key}`, 'must have at most 100 entries'],
    ]);
  });

  test('entries are closed in requests, open in responses', () => {
    const extra = { orgRoles: [{ ...grant, applicationRoles: [{ ...resource, x: 1 }] }] };
    expect(issues(apiTokenPatch, extra)).toEqual([
      ['orgRoles.0.applicationRoles.0.x', 'is not a known field'],
    ]);
    expect(issues(orgRoleGrant, { ...grant, owner: 'me' })).toEqual([
      ['owner', 'is not a known field'],
    ]);
    expect(apiToken.parse(extra)).toEqual(extra);
  });

  test('resource roles are collaborate, view or none', () => {
    const value = { orgRoles: [{ ...grant, dashboardRoles: [{ resourceId: id, role: 'edit' }] }] };
    expect(issues(apiTokenPatch, value)).toEqual([
      ['orgRoles.0.dashboardRoles.0.role', "must be one of 'collaborate', 'view' or 'none'"],
    ]);
  });
});

describe('apiTokenPatch', () => {
  test.each(['scope', 'expirationDate'])('says %s cannot be changed, at its own path', (key) => {
    expect(issues(apiTokenPatch, { [key]: [] })).toEqual([
      [key, 'cannot be changed after the token is created'],
    ]);
  });

  test('names each unknown key on its own, after the failing fields', () => {
    const result = apiTokenPatch.safeParse({ scope: [], name: '', color: 'red' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: 'must not be empty' }),
      expect.objectContaining({
        code: 'unrecognized_keys',
        keys: ['scope'],
        path: ['scope'],
        message: 'cannot be changed after the token is created',
      }),
      expect.objectContaining({
        code: 'unrecognized_keys',
        keys: ['color'],
        path: ['color'],
        message: 'is not a known field',
      }),
    ]);
  });

  test('Standard Schema issues carry the key path too', async () => {
    const result = await apiTokenPatch['~standard'].validate({ scope: ['all.User'] });
    expect(result.issues?.map(({ path, message }) => [path, message])).toEqual([
      [['scope'], 'cannot be changed after the token is created'],
    ]);
  });

  test('a non-object body is still one issue at the body', () => {
    expect(issues(apiTokenPatch, [])).toEqual([['', 'must be an object']]);
  });
});

describe('objectId', () => {
  test.each(['0123456789abcdef01234567', 'ABCDEF0123456789abcdef01'])('accepts %s', (value) => {
    expect(objectId.parse(value)).toBe(value);
  });

  test.each(['', '0123', `${id}0`, 'g123456789abcdef01234567', `${id}\n`])(
    'refuses %j',
    (value) => {
      expect(issues(objectId, value)).toEqual([['', 'must be a 24-character hexadecimal id']]);
    },
  );
});

describe('apiTokenScope', () => {
  test('names a non-string value plainly and an unknown scope by name', () => {
    expect(issues(apiTokenScope, 'all.application')).toEqual([
      ['', "unknown scope 'all.application'; did you mean 'all.Application'?"],
    ]);
    expect(issues(apiTokenScope, 'nothing.like.a.scope')).toEqual([
      ['', "unknown scope 'nothing.like.a.scope'"],
    ]);
    expect(issues(apiTokenScope, undefined)).toEqual([['', 'is required']]);
    expect(issues(apiTokenScope, `x.${'y'.repeat(100)}`)).toEqual([
      ['', `unknown scope 'x.${'y'.repeat(61)}…'`],
    ]);
  });
});

describe('listQuery', () => {
  test.each<[unknown, string]>([
    [0, '0'],
    [7, '7'],
    ['0', '0'],
    ['100', '100'],
    [Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
  ])('page and perPage %j are sent as %j', (input, output) => {
    expect(listQuery.parse({ page: input, perPage: input })).toEqual({
      page: output,
      perPage: output,
    });
  });

  test.each([
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '-1',
    '1.5',
    '',
    ' 1',
    '1e3',
    '0x10',
    true,
    null,
  ])('refuses page %j', (page) => {
    expect(issues(listQuery, { page })).toEqual([
      ['page', 'must be a non-negative integer (a number or a string of digits)'],
    ]);
  });

  test('takes the spec example and every enum value', () => {
    expect(
      listQuery.parse({
        sortField: 'expirationDate',
        sortDirection: 'desc',
        page: 0,
        perPage: 10,
        filterField: 'status',
        filter: 'my*token',
      }),
    ).toEqual({
      sortField: 'expirationDate',
      sortDirection: 'desc',
      page: '0',
      perPage: '10',
      filterField: 'status',
      filter: 'my*token',
    });
    expect(listQuery.parse({})).toEqual({});
  });

  test("refuses the spec's own filterField example 'key' and other bad values", () => {
    expect(
      issues(listQuery, { filterField: 'key', sortDirection: 'ASC', sortField: 'owner' }),
    ).toEqual([
      [
        'sortField',
        "must be one of 'name', 'status', 'id', 'creationDate', 'lastUpdated' or 'expirationDate'",
      ],
      ['sortDirection', "must be 'asc' or 'desc'"],
      ['filterField', "must be 'name' or 'status'"],
    ]);
    expect(issues(listQuery, { _actions: false })).toEqual([['_actions', 'is not a known field']]);
  });
});
