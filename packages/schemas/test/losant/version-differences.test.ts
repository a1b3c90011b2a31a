// Where our models (API v1.30.0, as Losant/losant-rest-js is generated for) and the registry's losant-rest 2.8.1 (API
// v1.20.1) legitimately differ. Each difference is asserted to exist, so this list (and the
// README's copy of it) stays true: if a difference disappears or a new one appears, a test
// here fails.
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  actionScopes,
  allScopes,
  apiToken,
  apiTokenPatch,
  apiTokenPost,
  apiTokens,
  applicationScopes,
  error,
  filterFields,
  instanceScopes,
  losantActions,
  organizationScopes,
  sortFields,
  success,
  userScopes,
} from '../../src/losant.js';
import { apiTokenExample } from './examples.js';
import { scopesAddedSinceV1201, scopesRemovedSinceV1201 } from './scope-differences.js';
import {
  type JsonSchema,
  keywordsOf,
  type VendorSchemaName,
  vendorAcceptedValues,
  vendorAccepts,
  vendorActionScopes,
  vendorSchema,
  vendorVersion,
} from './vendor.js';

const ours = { apiToken, apiTokens, apiTokenPost, apiTokenPatch, error, success } as const;

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  return schema instanceof z.ZodMiniOptional ? unwrap(schema._zod.def.innerType) : schema;
}

function enumValues(schema: z.core.$ZodType): string[] | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodMiniEnum ? (inner.options as string[]) : undefined;
}

test('the registry client is losant-rest 2.8.1 (API v1.20.1), older than the API these models follow', () => {
  expect(vendorVersion).toBe('2.8.1');
});

test('its schemas use only keywords draft-04 and draft-07 read alike', () => {
  const shared = new Set([
    '$schema',
    'title',
    'description',
    'type',
    'properties',
    'items',
    'enum',
    'pattern',
    'minLength',
    'maxLength',
    'uniqueItems',
    'oneOf',
    'required',
    'additionalProperties',
    'format',
  ]);
  for (const name of Object.keys(ours) as VendorSchemaName[]) {
    for (const keyword of keywordsOf(vendorSchema(name))) expect(shared).toContain(keyword);
  }
});

describe('fields', () => {
  /** Field names we model that v1.20.1 lacks, and the reverse. */
  const fieldDifferences: Record<VendorSchemaName, { added: string[]; removed: string[] }> = {
    apiToken: { added: ['defaultRole', 'orgRoles'], removed: [] },
    apiTokens: { added: [], removed: [] },
    apiTokenPost: { added: ['defaultRole', 'orgRoles'], removed: [] },
    apiTokenPatch: { added: ['defaultRole', 'orgRoles'], removed: [] },
    error: { added: [], removed: [] },
    success: { added: [], removed: [] },
  };

  test.each(Object.keys(ours) as VendorSchemaName[])('%s', (name) => {
    const vendorFields = Object.keys(vendorSchema(name).properties ?? {});
    const ourFields = Object.keys(ours[name].shape);
    expect({
      added: ourFields.filter((field) => !vendorFields.includes(field)),
      removed: vendorFields.filter((field) => !ourFields.includes(field)),
    }).toEqual(fieldDifferences[name]);
  });

  test('every shared enum field has the same values, except ownerType', () => {
    const differences: string[] = [];
    for (const name of Object.keys(ours) as VendorSchemaName[]) {
      const shape: Record<string, z.core.$ZodType> = ours[name].shape;
      for (const [field, property] of Object.entries(vendorSchema(name).properties ?? {})) {
        if (!property.enum || !shape[field]) continue;
        const values = enumValues(shape[field]);
        if (field === 'success') continue; // a literal, compared below
        if (JSON.stringify(values) !== JSON.stringify(property.enum)) {
          differences.push(`${name}.${field}: ${JSON.stringify(values)}`);
        }
      }
    }
    // v1.20.1 (and v1.30.0) list only application and user although instance tokens exist;
    // we accept 'instance' too so that listing instance tokens cannot fail on it.
    expect(differences).toEqual([
      'apiToken.ownerType: ["application","user","instance"]',
      'apiTokens.ownerType: ["application","user","instance"]',
    ]);
  });

  test('required fields: the same, except that success.success is required here', () => {
    const differences: string[] = [];
    for (const name of Object.keys(ours) as VendorSchemaName[]) {
      const vendorRequired = vendorSchema(name).required ?? [];
      const shape: Record<string, z.core.$ZodType> = ours[name].shape;
      for (const [field, schema] of Object.entries(shape)) {
        const required = !(schema instanceof z.ZodMiniOptional);
        if (required !== vendorRequired.includes(field)) differences.push(`${name}.${field}`);
      }
    }
    expect(differences).toEqual(['success.success']);
  });

  test('closed and open objects match the vendor', () => {
    for (const name of Object.keys(ours) as VendorSchemaName[]) {
      const closed = vendorSchema(name).additionalProperties === false;
      expect(
        ours[name]
          .safeParse({ name: 'x', unknownKey: 1 })
          .error?.issues.some((issue) => issue.code === 'unrecognized_keys') ?? false,
      ).toBe(closed);
    }
  });
});

describe('scopes', () => {
  function vendorScopeFamilies(): string[][] {
    const items = vendorSchema('apiTokenPost').properties?.scope?.items as JsonSchema;
    const [appOrOrg, instance, user] = items.oneOf ?? [];
    return [
      appOrOrg?.oneOf?.[0]?.enum,
      appOrOrg?.oneOf?.[1]?.enum,
      instance?.enum,
      user?.enum,
    ] as string[][];
  }

  test('our four families hold 322 + 40 + 84 + 54 = 500 distinct values', () => {
    expect([
      applicationScopes.length,
      organizationScopes.length,
      instanceScopes.length,
      userScopes.length,
    ]).toEqual([322, 40, 84, 54]);
    expect(new Set(allScopes).size).toBe(500);
  });

  test('v1.20.1 had 358 values; the listed 2 are gone, the listed 144 are new', () => {
    const vendor = vendorScopeFamilies();
    const vendorAll = new Set(vendor.flat());
    expect(vendorAll.size).toBe(358);
    const ourAll = new Set<string>(allScopes);

    expect([...vendorAll].filter((scope) => !ourAll.has(scope)).sort()).toEqual([
      ...scopesRemovedSinceV1201,
    ]);
    const families = [applicationScopes, organizationScopes, instanceScopes, userScopes];
    const added = families.map((family) => family.filter((scope) => !vendorAll.has(scope)));
    expect(added).toEqual([
      scopesAddedSinceV1201.application,
      scopesAddedSinceV1201.organization,
      scopesAddedSinceV1201.instance,
      scopesAddedSinceV1201.user,
    ]);
    expect(added.flat()).toHaveLength(144);
    // and no value moved between families
    families.forEach((family, index) => {
      for (const scope of vendor[index] ?? []) {
        if (ourAll.has(scope)) expect(family as readonly string[]).toContain(scope);
      }
    });
  });

  test.each([
    ...scopesRemovedSinceV1201.map((scope) => ({ scope, zod: false, vendor: true })),
    ...Object.values(scopesAddedSinceV1201)
      .flat()
      .map((scope) => ({ scope, zod: true, vendor: false })),
  ])('create with $scope: zod $zod, losant-rest $vendor', ({ scope, zod, vendor }) => {
    const body = { name: 'ci', scope: [scope] };
    expect(apiTokenPost.safeParse(body).success).toBe(zod);
    expect(vendorAccepts('apiTokenPost', body)).toBe(vendor);
  });
});

describe('verdicts that differ', () => {
  const orgRoles = [
    {
      orgId: '0123456789abcdef01234567',
      role: 'view',
      applicationRoles: [{ resourceId: '0123456789abcdef01234568', role: 'collaborate' }],
    },
    { orgId: 'sandbox', role: 'admin' },
  ];
  const differences: readonly {
    schema: VendorSchemaName;
    label: string;
    value: unknown;
    zod: boolean;
    why: string;
  }[] = [
    // New in v1.30.0: the closed request schemas of v1.20.1 refuse them as unknown keys.
    {
      schema: 'apiTokenPost',
      label: 'defaultRole',
      value: { name: 'ci', defaultRole: 'view' },
      zod: true,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiTokenPost',
      label: 'orgRoles',
      value: { name: 'ci', orgRoles },
      zod: true,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiTokenPatch',
      label: 'defaultRole',
      value: { defaultRole: 'none' },
      zod: true,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiTokenPatch',
      label: 'orgRoles',
      value: { orgRoles },
      zod: true,
      why: 'new in v1.30.0',
    },
    // New in v1.30.0: the open response schemas of v1.20.1 take anything under those keys.
    {
      schema: 'apiToken',
      label: 'defaultRole owner',
      value: { defaultRole: 'owner' },
      zod: false,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiToken',
      label: 'orgRoles not a list',
      value: { orgRoles: 'admin' },
      zod: false,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiToken',
      label: '26 orgRoles',
      value: { orgRoles: Array(26).fill(orgRoles[1]) },
      zod: false,
      why: 'new in v1.30.0',
    },
    {
      schema: 'apiTokens',
      label: 'an item with defaultRole owner',
      value: { items: [{ defaultRole: 'owner' }] },
      zod: false,
      why: 'new in v1.30.0',
    },
    // Deliberate: instance tokens exist, the enum forgets them.
    {
      schema: 'apiToken',
      label: "ownerType 'instance'",
      value: { ...apiTokenExample, ownerType: 'instance' },
      zod: true,
      why: 'deliberate',
    },
    {
      schema: 'apiTokens',
      label: "ownerType 'instance'",
      value: { ownerType: 'instance' },
      zod: true,
      why: 'deliberate',
    },
    // Deliberate: a DELETE that does not say success is not a success.
    { schema: 'success', label: 'an empty object', value: {}, zod: false, why: 'deliberate' },
    // Deliberate: date-times in the canonical RFC 3339 form only (z.iso.datetime).
    ...[
      '2027-01-01t00:00:00z',
      '2027-01-01 00:00:00Z',
      '2027-01-01T00:00:00+0200',
      '2027-01-01T00:00:00+02',
      '2027-12-31T23:59:60Z',
    ].map((date) => ({
      schema: 'apiTokenPost' as const,
      label: `expirationDate ${date}`,
      value: { name: 'ci', expirationDate: date },
      zod: false,
      why: 'deliberate',
    })),
  ];

  test.each(differences)(
    '$schema, $label: zod $zod, losant-rest the opposite ($why)',
    ({ schema, value, zod }) => {
      expect(ours[schema].safeParse(value).success).toBe(zod);
      expect(vendorAccepts(schema, value)).toBe(!zod);
    },
  );
});

describe('actions', () => {
  test('the fifteen actions are the token actions of losant-rest', () => {
    expect([...losantActions].sort()).toEqual(Object.keys(vendorActionScopes()).sort());
  });

  test('each action accepts what v1.20.1 did, plus only its *.bounded and only.User* scopes', () => {
    const vendor = vendorActionScopes();
    for (const action of losantActions) {
      const now: readonly string[] = actionScopes[action];
      const before = vendor[action] ?? [];
      expect(before.filter((scope) => !now.includes(scope))).toEqual([]);
      expect(now.filter((scope) => !before.includes(scope))).toEqual(
        now.filter((scope) => /\.bounded$|^only\.User/.test(scope)),
      );
    }
  });
});

test('the list-query enums agree with losant-rest on all three list actions', () => {
  expect(vendorAcceptedValues('sortField')).toEqual(Array(3).fill([...sortFields]));
  expect(vendorAcceptedValues('sortDirection')).toEqual(Array(3).fill(['asc', 'desc']));
  expect(vendorAcceptedValues('filterField')).toEqual(Array(3).fill([...filterFields]));
});
