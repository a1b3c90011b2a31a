// Property tests: values generated from the vendor schemas' rules parse; the same values with one
// field turned into a wrong type fail, with every issue under that field's path.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type * as z from 'zod/mini';
import * as instana from '../src/instana.js';
import * as losant from '../src/losant.js';
import * as arb from './arbitraries.js';
import { scopesAddedSinceV1201 } from './losant/scope-differences.js';
import { vendorAccepts } from './losant/vendor.js';

type Kind = 'string' | 'list' | 'boolean' | 'integer' | 'nullableInteger' | 'page' | 'object';

/** Values of the wrong JSON type for each kind of field. */
const wrongValues: Record<Kind, unknown[]> = {
  string: [42, true, null, {}, []],
  list: ['x', 42, true, null, {}],
  boolean: ['true', 1, null, {}, []],
  integer: ['1', true, null, {}, []],
  nullableInteger: ['1', true, {}, []],
  page: [true, null, {}, [], 1.5],
  object: ['x', 42, true, null, []],
};

const tokenKinds = {
  id: 'string',
  apiTokenId: 'string',
  ownerId: 'string',
  ownerType: 'string',
  creatorId: 'string',
  creatorType: 'string',
  creatorName: 'string',
  name: 'string',
  description: 'string',
  creationDate: 'string',
  lastUpdated: 'string',
  expirationDate: 'string',
  defaultRole: 'string',
  orgRoles: 'list',
  scope: 'list',
  status: 'string',
  token: 'string',
} as const satisfies Record<string, Kind>;

interface Case {
  name: string;
  schema: z.ZodMiniObject;
  valid: fc.Arbitrary<Record<string, unknown>>;
  kinds: Record<string, Kind>;
}

const cases: Case[] = [
  {
    name: 'losant.apiTokenPost',
    schema: losant.apiTokenPost,
    valid: arb.apiTokenPost,
    kinds: {
      name: 'string',
      description: 'string',
      expirationDate: 'string',
      defaultRole: 'string',
      orgRoles: 'list',
      scope: 'list',
      status: 'string',
    },
  },
  {
    name: 'losant.apiTokenPatch',
    schema: losant.apiTokenPatch,
    valid: arb.apiTokenPatch,
    kinds: {
      name: 'string',
      description: 'string',
      defaultRole: 'string',
      orgRoles: 'list',
      status: 'string',
    },
  },
  { name: 'losant.apiToken', schema: losant.apiToken, valid: arb.apiToken, kinds: tokenKinds },
  {
    name: 'losant.createdApiToken',
    schema: losant.createdApiToken,
    valid: arb.createdApiToken,
    kinds: tokenKinds,
  },
  {
    name: 'losant.apiTokens',
    schema: losant.apiTokens,
    valid: arb.apiTokens,
    kinds: {
      items: 'list',
      count: 'integer',
      totalCount: 'integer',
      perPage: 'integer',
      page: 'integer',
      filter: 'string',
      filterField: 'string',
      sortField: 'string',
      sortDirection: 'string',
      ownerId: 'string',
      ownerType: 'string',
    },
  },
  {
    name: 'losant.error',
    schema: losant.error,
    valid: arb.error,
    kinds: { type: 'string', message: 'string' },
  },
  {
    name: 'losant.success',
    schema: losant.success,
    valid: arb.success,
    kinds: { success: 'boolean' },
  },
  {
    name: 'losant.listQuery',
    schema: losant.listQuery,
    valid: arb.listQuery,
    kinds: {
      sortField: 'string',
      sortDirection: 'string',
      page: 'page',
      perPage: 'page',
      filterField: 'string',
      filter: 'string',
    },
  },
  ...(
    [
      ['instanceTokensPath', ['instanceId']],
      ['instanceTokenPath', ['instanceId', 'apiTokenId']],
      ['applicationTokensPath', ['applicationId']],
      ['applicationTokenPath', ['applicationId', 'apiTokenId']],
      ['userTokenPath', ['apiTokenId']],
    ] as const
  ).map(
    ([name, keys]): Case => ({
      name: `losant.${name}`,
      schema: losant[name],
      valid: arb.pathIds,
      kinds: Object.fromEntries(keys.map((key) => [key, 'string'])),
    }),
  ),
  {
    name: 'instana.apiToken',
    schema: instana.apiToken,
    valid: arb.instanaApiToken,
    kinds: {
      id: 'string',
      accessGrantingToken: 'string',
      internalId: 'string',
      name: 'string',
      createdBy: 'string',
      createdOn: 'integer',
      lastUsedOn: 'integer',
      expiresOn: 'nullableInteger',
      ...Object.fromEntries(instana.permissionNames.map((name) => [name, 'boolean'])),
    },
  },
  {
    name: 'instana.errorBody',
    schema: instana.errorBody,
    valid: arb.instanaErrorBody,
    kinds: { errors: 'list', error: 'string', message: 'string' },
  },
];

describe.each(cases)('$name', ({ schema, valid, kinds }) => {
  test('the mutation table names every field of the schema', () => {
    expect(Object.keys(kinds).sort()).toEqual(Object.keys(schema.shape).sort());
  });

  test('generated values parse', () => {
    fc.assert(
      fc.property(valid, (value) => {
        expect(schema.safeParse(value).error?.issues).toBeUndefined();
      }),
    );
  });

  test('one field of a wrong type fails at that field', () => {
    const mutation = fc
      .constantFrom(...Object.keys(kinds))
      .chain((field) =>
        fc.tuple(fc.constant(field), fc.constantFrom(...wrongValues[kinds[field] as Kind])),
      );
    fc.assert(
      fc.property(valid, mutation, (value, [field, wrong]) => {
        const issues = schema.safeParse({ ...value, [field]: wrong }).error?.issues ?? [];
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.path[0]).toBe(field);
      }),
    );
  });
});

test('instana.apiTokenList: generated lists parse; a bad item fails at its index', () => {
  fc.assert(
    fc.property(
      fc.array(arb.instanaApiToken, { minLength: 1, maxLength: 5 }),
      fc.nat(),
      (list, n) => {
        expect(instana.apiTokenList.safeParse(list).success).toBe(true);
        const index = n % list.length;
        const bad = list.map((token, i) => (i === index ? { ...token, name: 7 } : token));
        const issues = instana.apiTokenList.safeParse(bad).error?.issues ?? [];
        expect(issues.map((issue) => issue.path)).toEqual([[index, 'name']]);
      },
    ),
  );
});

describe('generated values that v1.20.1 already knew pass losant-rest too', () => {
  const added = new Set<string>(Object.values(scopesAddedSinceV1201).flat());
  const older = <T extends Record<string, unknown>>(value: T) => {
    const { defaultRole: _, orgRoles: __, ...rest } = value;
    return rest;
  };

  test('apiTokenPost', () => {
    fc.assert(
      fc.property(arb.apiTokenPost, (value) => {
        const body = older(value);
        if (value.scope) body.scope = value.scope.filter((scope) => !added.has(scope));
        expect(losant.apiTokenPost.safeParse(body).success).toBe(true);
        expect(vendorAccepts('apiTokenPost', body)).toBe(true);
      }),
    );
  });

  test('apiTokenPatch', () => {
    fc.assert(
      fc.property(arb.apiTokenPatch, (value) => {
        expect(vendorAccepts('apiTokenPatch', older(value))).toBe(true);
      }),
    );
  });

  test('apiToken and apiTokens', () => {
    const known = (token: Record<string, unknown>) =>
      token.ownerType === 'instance' ? older({ ...token, ownerType: 'user' }) : older(token);
    fc.assert(
      fc.property(arb.apiToken, arb.apiTokens, (token, page) => {
        expect(vendorAccepts('apiToken', known(token))).toBe(true);
        const list = known({ ...page, items: page.items?.map(known) });
        expect(vendorAccepts('apiTokens', list)).toBe(true);
      }),
    );
  });
});
