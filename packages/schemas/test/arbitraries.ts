// fast-check generators of valid values for every schema, built from the vendor schemas' rules
// (not from the schemas themselves, so a too-strict schema shows up as a failing property).
import fc from 'fast-check';
import { permissionNames } from '../src/instana.js';
import { allScopes, filterFields, sortFields } from '../src/losant.js';

const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
export const objectId = fc.string({ unit: hex, minLength: 24, maxLength: 24 });

/** Any real instant from 1970 to 9999, as `toISOString` writes it or with an offset. */
export const dateTime = fc
  .tuple(
    fc.date({ min: new Date(0), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('Z', '+00:00', '+05:30', '-08:00'),
  )
  .map(([date, zone]) => date.toISOString().replace('Z', zone));

/** 1..max characters, counted in code points (any Unicode, emoji included). */
const text = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'binary', minLength, maxLength });

const nameText = text(1, 255);
const descriptionText = text(0, 600);
const tokenStatus = fc.constantFrom('active', 'inactive');
const tokenRole = fc.constantFrom('admin', 'edit', 'collaborate', 'view', 'none');
const resourceRole = fc.record({
  resourceId: objectId,
  role: fc.constantFrom('collaborate', 'view', 'none'),
});
const orgRoleGrant = fc.record(
  {
    orgId: fc.oneof(objectId, fc.constant('sandbox')),
    role: tokenRole,
    applicationRoles: fc.array(resourceRole, { maxLength: 100 }),
    dashboardRoles: fc.array(resourceRole, { maxLength: 100 }),
  },
  { requiredKeys: ['orgId', 'role'] },
);
const orgRoles = fc.array(orgRoleGrant, { maxLength: 25 });
const scopes = fc.uniqueArray(fc.constantFrom(...allScopes), { maxLength: 30 });

export const apiTokenPost = fc.record(
  {
    name: nameText,
    description: descriptionText,
    expirationDate: dateTime,
    defaultRole: tokenRole,
    orgRoles,
    scope: scopes,
    status: tokenStatus,
  },
  { requiredKeys: ['name'] },
);

export const apiTokenPatch = fc.record(
  {
    name: nameText,
    description: descriptionText,
    defaultRole: tokenRole,
    orgRoles,
    status: tokenStatus,
  },
  { requiredKeys: [] },
);

/** Unknown keys a response may carry (HAL metadata, fields of later versions). */
const extraKeys = fc.dictionary(
  fc.string({ minLength: 1 }).map((key) => `x_${key}`),
  fc.jsonValue(),
  { maxKeys: 3 },
);

const apiTokenFields = {
  id: objectId,
  apiTokenId: objectId,
  ownerId: objectId,
  ownerType: fc.constantFrom('application', 'user', 'instance'),
  creatorId: objectId,
  creatorType: fc.constantFrom('apiToken', 'user', 'flow'),
  creatorName: text(0, 1024),
  name: nameText,
  description: descriptionText,
  creationDate: dateTime,
  lastUpdated: dateTime,
  expirationDate: dateTime,
  defaultRole: tokenRole,
  orgRoles,
  scope: fc.array(text(1, 1024), { maxLength: 10 }),
  status: tokenStatus,
  token: text(1, 64),
};

export const apiToken = fc
  .tuple(fc.record(apiTokenFields, { requiredKeys: [] }), extraKeys)
  .map(([token, extra]) => ({ ...extra, ...token }));

export const createdApiToken = fc
  .tuple(fc.record(apiTokenFields, { requiredKeys: ['token'] }), extraKeys)
  .map(([token, extra]) => ({ ...extra, ...token }));

const integer = fc.integer({ min: 0, max: 1_000_000 });
export const apiTokens = fc.record(
  {
    items: fc.array(apiToken, { maxLength: 5 }),
    count: integer,
    totalCount: integer,
    perPage: integer,
    page: integer,
    filter: fc.string(),
    filterField: fc.string(),
    sortField: fc.string(),
    sortDirection: fc.constantFrom('asc', 'desc', 'ASC', 'DESC', ''),
    ownerId: objectId,
    ownerType: fc.constantFrom('application', 'user', 'instance'),
  },
  { requiredKeys: [] },
);

export const error = fc.record({ type: fc.string(), message: fc.string() }, { requiredKeys: [] });
export const success = fc.constant({ success: true });

const pageNumber = fc.oneof(
  fc.nat(),
  fc.nat().map(String),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 }),
);
export const listQuery = fc.record(
  {
    sortField: fc.constantFrom(...sortFields),
    sortDirection: fc.constantFrom('asc', 'desc'),
    page: pageNumber,
    perPage: pageNumber,
    filterField: fc.constantFrom(...filterFields),
    filter: fc.string(),
  },
  { requiredKeys: [] },
);

export const pathIds = fc.record({
  instanceId: objectId,
  applicationId: objectId,
  apiTokenId: objectId,
});

/** An Instana token: the required strings, any subset of the 93 booleans, unknown keys. */
const nonEmpty = fc.string({ minLength: 1 });
const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
export const instanaApiToken = fc
  .tuple(
    fc.record(
      {
        id: fc.string(),
        accessGrantingToken: nonEmpty,
        internalId: nonEmpty,
        name: nonEmpty,
        createdBy: fc.emailAddress(),
        createdOn: timestamp,
        lastUsedOn: timestamp,
        expiresOn: fc.option(timestamp, { nil: null }),
        ...Object.fromEntries(permissionNames.map((name) => [name, fc.boolean()])),
      },
      { requiredKeys: ['accessGrantingToken', 'internalId', 'name'] },
    ),
    extraKeys,
  )
  .map(([token, extra]) => ({ ...extra, ...token }));

export const instanaErrorBody = fc.record(
  { errors: fc.array(fc.string()), error: fc.string(), message: fc.string() },
  { requiredKeys: [] },
);
