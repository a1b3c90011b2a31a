/**
 * fast-check arbitraries for the params of both clients: well-formed values mixed with every
 * kind of bad value a caller could pass (wrong types, lengths at and past the limits, control
 * characters, unknown enum members, duplicates, unknown keys).
 */
import { allScopes, sortFields } from '@tokenkit/schemas/losant';
import fc from 'fast-check';

/** Any JavaScript value a caller might pass by mistake, except strings. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

/** Short strings of any code points (well-formed UTF-16), including control characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\r', '\n', '\t', '\u0001', '\u007f', '\u2028', 'a', ' '),
    minLength: 1,
    maxLength: 6,
  }),
);

/** A Losant id the API accepts: as given, or upper case. */
export const goodObjectId = (real: string) => fc.constantFrom(real, real.toUpperCase());

/** A broken Losant id: wrong length, not hex, padded, path-like, any text, not a string. */
export function badObjectId(real: string) {
  return fc.oneof(
    fc.stringMatching(/^[0-9a-fA-F]{23}$/),
    fc.stringMatching(/^[0-9a-fA-F]{25}$/),
    fc.stringMatching(/^[0-9a-zA-Z]{24}$/).filter((id) => !/^[0-9a-fA-F]{24}$/.test(id)),
    fc.constantFrom(` ${real}`, `${real}\n`, `../${real.slice(3)}`, `${real.slice(0, 12)}/x`),
    anyText,
    notAString,
  );
}

/** Names: 1–255 code points are fine; empty, 256+, or not a string are not. */
const tokenName = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 3 },
  anyText,
  fc.constantFrom(254, 255, 256).map((n) => 'n'.repeat(n)),
  fc.constantFrom(255, 256).map((n) => '😀'.repeat(n)),
  notAString,
);

/** Descriptions: up to 32767 characters. */
const description = fc.oneof(
  anyText,
  fc.constantFrom(32767, 32768).map((n) => 'd'.repeat(n)),
  notAString,
);

/** Scope lists: known scopes, unknown ones, near misses, duplicates. */
const scopes = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.constantFrom(...allScopes), { maxLength: 4 }), weight: 3 },
  fc.array(
    fc.oneof(
      fc.constantFrom(...allScopes),
      fc.constantFrom('all.Nope', '', 'ALL.USER', 'all.User ', '*', 'instanceApiTokens'),
      anyText,
      notAString,
    ),
    { maxLength: 4 },
  ),
  fc.constantFrom(...allScopes).map((scope) => [scope, scope]),
  notAString,
);

/** Expiration dates: ISO 8601 with a zone is fine; dates without a zone, impossible dates are not. */
const expirationDate = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    weight: 3,
  },
  fc.constantFrom(
    '2030-02-30T00:00:00Z',
    '2030-01-01',
    '2030-01-01T00:00:00',
    '2030-01-01T00:00:00+01:00',
    'tomorrow',
    '',
  ),
  fc.date({ noInvalidDate: true }),
  notAString,
);

/** Roles: `admin`, `edit`, `collaborate`, `view` or `none`. */
const role = fc.oneof(
  { arbitrary: fc.constantFrom('admin', 'edit', 'collaborate', 'view', 'none'), weight: 3 },
  fc.constantFrom('owner', 'ADMIN', ''),
  notAString,
);

const hexId = fc.stringMatching(/^[0-9a-f]{24}$/);

/** `orgRoles`: up to 25 entries of `{ orgId, role, applicationRoles?, dashboardRoles? }`. */
const orgRoles = fc.oneof(
  {
    arbitrary: fc.array(
      fc.record(
        {
          orgId: fc.oneof(hexId, fc.constant('sandbox'), anyText),
          role,
          applicationRoles: fc.array(
            fc.record({
              resourceId: fc.oneof(hexId, anyText),
              role: fc.constantFrom('collaborate', 'view', 'none', 'admin'),
            }),
            { maxLength: 2 },
          ),
          extra: fc.string(),
        },
        { requiredKeys: ['orgId', 'role'] },
      ),
      { maxLength: 3 },
    ),
    weight: 3,
  },
  fc.constant(Array.from({ length: 26 }, () => ({ orgId: 'sandbox', role: 'view' }))),
  notAString,
);

/** Token status: `active` or `inactive`. */
const status = fc.oneof(
  { arbitrary: fc.constantFrom('active', 'inactive'), weight: 3 },
  fc.constantFrom('ACTIVE', 'enabled', ''),
  notAString,
);

const goodRole = fc.constantFrom('admin', 'edit', 'collaborate', 'view', 'none');

/** A valid `apiTokenPost` body: a name of 1–40 code points (any), the rest optional and valid. */
export const goodPostBody = fc.record(
  {
    name: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom('n'.repeat(255), '😀'.repeat(255)),
    ),
    description: fc.string({ unit: 'binary', maxLength: 40 }),
    expirationDate: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    defaultRole: goodRole,
    orgRoles: fc.array(
      fc.record(
        {
          orgId: fc.oneof(hexId, fc.constant('sandbox')),
          role: goodRole,
          applicationRoles: fc.array(
            fc.record({ resourceId: hexId, role: fc.constantFrom('collaborate', 'view', 'none') }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['orgId', 'role'] },
      ),
      { maxLength: 2 },
    ),
    scope: fc.uniqueArray(fc.constantFrom(...allScopes), { maxLength: 4 }),
    status: fc.constantFrom('active', 'inactive'),
  },
  { requiredKeys: ['name'] },
);

/** A valid `apiTokenPatch` body: the post body without scope and expirationDate, all optional. */
export const goodPatchBody = fc
  .tuple(goodPostBody, fc.boolean())
  .map(([{ scope: _scope, expirationDate: _date, name, ...rest }, withName]) =>
    withName ? { name, ...rest } : rest,
  );

/** Bad (or unusual) values for each field of a create body, keyed by path under `apiToken`. */
export const postBodyMutations = {
  apiToken: notAString,
  'apiToken.name': tokenName,
  'apiToken.description': description,
  'apiToken.expirationDate': expirationDate,
  'apiToken.defaultRole': role,
  'apiToken.orgRoles': orgRoles,
  'apiToken.scope': scopes,
  'apiToken.status': status,
  'apiToken.token': fc.string(),
  'apiToken.scopes': scopes,
};

/** Bad values for a change body, including the two fields fixed at creation. */
export const patchBodyMutations = {
  apiToken: notAString,
  'apiToken.name': tokenName,
  'apiToken.description': description,
  'apiToken.defaultRole': role,
  'apiToken.orgRoles': orgRoles,
  'apiToken.status': status,
  'apiToken.scope': scopes,
  'apiToken.expirationDate': expirationDate,
  'apiToken.id': fc.string(),
};

/** A `page`/`perPage` value: non-negative integers (or digit strings) are fine. */
const pageValue = fc.oneof(
  fc.nat({ max: 5000 }),
  fc.stringMatching(/^\d{1,6}$/),
  fc.integer({ min: -1000, max: -1 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, 2 ** 53),
  fc.constantFrom('-1', '1e3', ' 1', '', '0x10', '1.5', 'abc'),
  fc.constant(null),
);

const goodPage = fc.oneof(fc.nat({ max: 3 }), fc.constantFrom('0', '1', '007'));
const goodPerPage = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.constantFrom('1', '100', '1000'),
);

/** A valid list query of the three `…ApiTokens.get`: every field optional. */
export const goodListQuery = fc.record(
  {
    sortField: fc.constantFrom(...sortFields),
    sortDirection: fc.constantFrom('asc', 'desc'),
    page: goodPage,
    perPage: goodPerPage,
    filterField: fc.constantFrom('name', 'status'),
    filter: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('my*token', '*'),
    ),
  },
  { requiredKeys: [] },
);

/** Bad (or at least unusual) values for each list-query field. */
export const listQueryMutations = {
  sortField: fc.oneof(fc.constantFrom('Name', 'token', ''), notAString),
  sortDirection: fc.oneof(fc.constantFrom('ASC', 'up', ''), notAString),
  page: pageValue,
  perPage: pageValue,
  filterField: fc.oneof(fc.constantFrom('id', '', 'NAME'), notAString),
  filter: fc.oneof(anyText, notAString),
};

/** Printable ASCII header values, which every transport can send. */
export const goodHeaderValue = fc.string({ unit: 'grapheme-ascii', maxLength: 20 });

/**
 * Header values: printable ASCII and Latin-1 are fine; CR, LF and NUL must be refused. Other
 * control characters and code points above U+00FF are covered by their own tests.
 */
export const headerValue = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), weight: 3 },
  fc.string({
    unit: fc.constantFrom('a', 'é', 'ÿ', ' ', '\t', '\r', '\n', '\u0000'),
    maxLength: 8,
  }),
  fc.constantFrom('x\r\nX-Injected: 1', 'x\nSet-Cookie: a=b', 'x\r', '\u0000'),
);

/** One change to a valid value: the dotted path to replace, and its new value. */
export type Mutation = readonly [path: string, value: unknown];

/**
 * Valid values, each left alone half of the time and otherwise changed at one or two places
 * (`apiToken.name`, `page`, …) to a value drawn from that place's arbitrary, which may be bad.
 * So about half the inputs are valid and the rest probe one or two fields at a time.
 */
export function mutated<T extends Record<string, unknown>>(
  valid: fc.Arbitrary<T>,
  mutations: Readonly<Record<string, fc.Arbitrary<unknown>>>,
): fc.Arbitrary<Record<string, unknown>> {
  const paths = Object.keys(mutations);
  const change = fc
    .constantFrom(...paths)
    .chain((path) => fc.tuple(fc.constant(path), mutations[path] as fc.Arbitrary<unknown>));
  return fc
    .tuple(
      valid,
      fc.oneof(
        fc.constant([] as Mutation[]),
        fc.array(change, { minLength: 1, maxLength: 2 }) as fc.Arbitrary<Mutation[]>,
      ),
    )
    .map(([base, changes]) => {
      const out: Record<string, unknown> = structuredClone(base);
      for (const [path, value] of changes) setPath(out, path.split('.'), value);
      return out;
    });
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  const [key, ...rest] = keys;
  if (key === undefined) return;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const inner = target[key];
  // A parent already replaced by a non-object keeps its bad value.
  if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
    setPath(inner as Record<string, unknown>, rest, value);
  }
}
