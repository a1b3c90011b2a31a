import type { ApiToken as InstanaSchemaToken, PermissionName } from '@tokenkit/schemas/instana';
import type {
  ApiToken as LosantSchemaToken,
  Application as SchemaApplication,
} from '@tokenkit/schemas/losant';

// The data the mock serves, derived from the `@tokenkit/schemas` models the SDK parses answers
// with: the fields the server always fills are made required, the rest stay optional.

/** `T`'s keys `K`, present and defined. */
type Filled<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };

/** Which Losant token collection: an instance's, an application's, or the user's (`/me`). */
export type LosantOwner =
  | { readonly instanceId: string }
  | { readonly applicationId: string }
  | 'user';

/**
 * A Losant API token as the server returns it (never with `token`, except on create). `ownerType`
 * is absent on instance tokens (see README, "Unverified choices").
 */
export type LosantApiToken = Filled<
  LosantSchemaToken,
  | 'id'
  | 'apiTokenId'
  | 'ownerId'
  | 'creatorId'
  | 'creatorType'
  | 'creatorName'
  | 'name'
  | 'creationDate'
  | 'lastUpdated'
  | 'scope'
  | 'status'
> &
  Pick<
    LosantSchemaToken,
    'ownerType' | 'description' | 'expirationDate' | 'defaultRole' | 'orgRoles'
  >;

/** One entry of a Losant token's `orgRoles`. */
export type LosantOrgRole = NonNullable<LosantApiToken['orgRoles']>[number];

/** A Losant API token together with its secret, as the create call (and `store.losant.add`) returns it. */
export type LosantCreatedApiToken = LosantApiToken & { token: string };

/** What `store.losant.add` accepts per token: any field, the rest is filled in. */
export type LosantTokenSeed = Partial<LosantCreatedApiToken>;

/**
 * A Losant application as the store keeps it. `GET /applications` answers these fields plus a
 * `summary` of counts (`apiTokenCount`, …). `organizationName` is present on
 * organization-owned applications only.
 */
export type LosantApplication = Filled<
  SchemaApplication,
  'id' | 'applicationId' | 'name' | 'ownerId' | 'ownerType' | 'creationDate' | 'lastUpdated'
> &
  Pick<SchemaApplication, 'description' | 'organizationName'>;

/** What `store.losant.addApplications` accepts per application: any field, the rest is filled in. */
export type LosantApplicationSeed = Partial<
  Pick<LosantApplication, 'id' | 'name' | 'description' | 'creationDate' | 'lastUpdated'>
>;

/** An Instana API token as stored: every permission present, server rewrites applied. */
export type InstanaApiToken = Filled<
  InstanaSchemaToken,
  'id' | 'accessGrantingToken' | 'internalId' | 'name' | 'createdBy' | 'createdOn' | 'expiresOn'
> &
  Pick<InstanaSchemaToken, 'lastUsedOn'> & { [P in PermissionName]: boolean };

/** What `store.instana.add` accepts per token: any field, the rest is filled in. */
export type InstanaTokenSeed = Partial<InstanaApiToken>;
