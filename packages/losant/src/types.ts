import type { applicationsGet } from './resources/applications.js';
import type { Action } from './resources/define-action.js';
import type { Iterate } from './resources/define-iterate.js';
import type { Rotate } from './resources/rotate.js';
import type { applicationTokens, instanceTokens, userTokens } from './resources/token-endpoints.js';

export type { Action } from './resources/define-action.js';
export type { Iterate } from './resources/define-iterate.js';
export type { Deliver, RevokeMode, Rotate, RotateOptions } from './resources/rotate.js';
export type { LosantTokenStore } from './resources/token-store.js';

/** `instanceApiTokens`: list and create the API tokens of an instance. */
export interface InstanceApiTokensResource {
  /**
   * Returns one page of the API tokens of an instance.
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.Instance.bounded`,
   * `all.Instance.read`, `all.User`, `all.User.bounded`, `all.User.read`, `instanceApiTokens.*`,
   * `instanceApiTokens.get`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-tokens/#get
   */
  readonly get: Action<typeof instanceTokens.list>;
  /**
   * Creates an API token for an instance; the answer holds its secret `token`, this one time.
   *
   * Sends exactly what `losant-rest` sends. When the answer is lost (dropped, truncated,
   * invalid, 5xx, a 201 that fails its schema), it deletes nothing and throws a
   * `CreateOutcomeUnknownError` whose `candidateIds` are the tokens of that name created since.
   * For a create that settles a lost answer itself, use `createToken(losantTokenStore(…), draft)`
   * (see the README).
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiTokens.*`,
   * `instanceApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-tokens/#post
   */
  readonly post: Action<typeof instanceTokens.create>;
  /**
   * Yields every API token of an instance, fetching page after page (`perPage` defaults to 100).
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.Instance.bounded`,
   * `all.Instance.read`, `all.User`, `all.User.bounded`, `all.User.read`, `instanceApiTokens.*`,
   * `instanceApiTokens.get`.
   *
   * Throws a `RequestValidationError` at once, before any request, when the params are invalid.
   *
   * @see https://docs.losant.com/rest-api/instance-api-tokens/#get
   */
  readonly iterate: Iterate<typeof instanceTokens.list>;
}

/** `instanceApiToken`: read, change, delete and rotate one API token of an instance. */
export interface InstanceApiTokenResource {
  /**
   * Retrieves one API token of an instance (without its secret).
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.Instance.bounded`,
   * `all.Instance.read`, `all.User`, `all.User.bounded`, `all.User.read`, `instanceApiToken.*`,
   * `instanceApiToken.get`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-token/#get
   */
  readonly get: Action<typeof instanceTokens.get>;
  /**
   * Updates an API token of an instance: name, description, roles or status (not scope or expiry).
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiToken.*`,
   * `instanceApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-token/#patch
   */
  readonly patch: Action<typeof instanceTokens.patch>;
  /**
   * Deletes an API token of an instance; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiToken.*`,
   * `instanceApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-token/#delete
   */
  readonly delete: Action<typeof instanceTokens.delete>;
  /**
   * Replaces one API token of an instance with a new one, through `rotateToken`: reads it;
   * creates the replacement, which keeps name, `description`, `scope`, roles, `status` and
   * lifetime (counted from now) unless `name`, `status` or `expirationDate` (`null`: never)
   * say otherwise; awaits `deliver(secret, created)`; checks the new secret by reading the new
   * token with it (a 401 undoes the rotation, a 403 counts as `limited`); then revokes the old
   * token (`revoke`: `'delete'`, the default, `'deactivate'` or `'keep'`). Resolves to the
   * `Rotation`: `{ created, secret, old, revoked, verified, kept }`.
   *
   * A failed delivery deletes the replacement and leaves the old token untouched; any failing
   * step throws a `RotationError` whose `step`, `replacement`, `old` and message say exactly
   * what is left (never a secret). The create settles a lost answer by a one-time marker.
   *
   * Needs the scopes of `get`, `post` and the revoking action (`delete` or `patch`).
   */
  readonly rotate: Rotate<typeof instanceTokens.get>;
}

/** `applicationApiTokens`: list and create the API tokens of an application. */
export interface ApplicationApiTokensResource {
  /**
   * Returns one page of the API tokens of an application.
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Application.bounded`,
   * `all.Application.read`, `all.Organization`, `all.Organization.bounded`,
   * `all.Organization.read`, `all.User`, `all.User.bounded`, `all.User.read`,
   * `applicationApiTokens.*`, `applicationApiTokens.get`.
   *
   * @see https://docs.losant.com/rest-api/application-api-tokens/#get
   */
  readonly get: Action<typeof applicationTokens.list>;
  /**
   * Creates an API token for an application; the answer holds its secret `token`, this one time.
   *
   * Sends exactly what `losant-rest` sends. When the answer is lost (dropped, truncated,
   * invalid, 5xx, a 201 that fails its schema), it deletes nothing and throws a
   * `CreateOutcomeUnknownError` whose `candidateIds` are the tokens of that name created since.
   * For a create that settles a lost answer itself, use `createToken(losantTokenStore(…), draft)`
   * (see the README).
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiTokens.*`, `applicationApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/application-api-tokens/#post
   */
  readonly post: Action<typeof applicationTokens.create>;
  /**
   * Yields every API token of an application, fetching page after page (`perPage` defaults to
   * 100).
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Application.bounded`,
   * `all.Application.read`, `all.Organization`, `all.Organization.bounded`,
   * `all.Organization.read`, `all.User`, `all.User.bounded`, `all.User.read`,
   * `applicationApiTokens.*`, `applicationApiTokens.get`.
   *
   * Throws a `RequestValidationError` at once, before any request, when the params are invalid.
   *
   * @see https://docs.losant.com/rest-api/application-api-tokens/#get
   */
  readonly iterate: Iterate<typeof applicationTokens.list>;
}

/** `applicationApiToken`: read, change, delete and rotate one API token of an application. */
export interface ApplicationApiTokenResource {
  /**
   * Retrieves one API token of an application (without its secret).
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Application.bounded`,
   * `all.Application.read`, `all.Organization`, `all.Organization.bounded`,
   * `all.Organization.read`, `all.User`, `all.User.bounded`, `all.User.read`,
   * `applicationApiToken.*`, `applicationApiToken.get`.
   *
   * @see https://docs.losant.com/rest-api/application-api-token/#get
   */
  readonly get: Action<typeof applicationTokens.get>;
  /**
   * Updates an API token of an application: name, description, roles or status (not scope or
   * expiry).
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiToken.*`, `applicationApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/application-api-token/#patch
   */
  readonly patch: Action<typeof applicationTokens.patch>;
  /**
   * Deletes an API token of an application; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiToken.*`, `applicationApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/application-api-token/#delete
   */
  readonly delete: Action<typeof applicationTokens.delete>;
  /**
   * Replaces one API token of an application with a new one, through `rotateToken`: reads it;
   * creates the replacement, which keeps name, `description`, `scope`, roles, `status` and
   * lifetime (counted from now) unless `name`, `status` or `expirationDate` (`null`: never)
   * say otherwise; awaits `deliver(secret, created)`; checks the new secret by reading the new
   * token with it (a 401 undoes the rotation, a 403 counts as `limited`); then revokes the old
   * token (`revoke`: `'delete'`, the default, `'deactivate'` or `'keep'`). Resolves to the
   * `Rotation`: `{ created, secret, old, revoked, verified, kept }`.
   *
   * A failed delivery deletes the replacement and leaves the old token untouched; any failing
   * step throws a `RotationError` whose `step`, `replacement`, `old` and message say exactly
   * what is left (never a secret). The create settles a lost answer by a one-time marker.
   *
   * Needs the scopes of `get`, `post` and the revoking action (`delete` or `patch`).
   */
  readonly rotate: Rotate<typeof applicationTokens.get>;
}

/** `userApiTokens`: list and create the API tokens of the current user. */
export interface UserApiTokensResource {
  /**
   * Returns one page of the API tokens of the current user.
   *
   * Scopes (the token needs at least one): `all.User`, `all.User.bounded`, `all.User.read`,
   * `only.User`, `only.User.bounded`, `only.User.read`, `userApiTokens.*`, `userApiTokens.get`.
   *
   * @see https://docs.losant.com/rest-api/user-api-tokens/#get
   */
  readonly get: Action<typeof userTokens.list>;
  /**
   * Creates an API token for the current user; the answer holds its secret `token`, this one time.
   *
   * Sends exactly what `losant-rest` sends. When the answer is lost (dropped, truncated,
   * invalid, 5xx, a 201 that fails its schema), it deletes nothing and throws a
   * `CreateOutcomeUnknownError` whose `candidateIds` are the tokens of that name created since.
   * For a create that settles a lost answer itself, use `createToken(losantTokenStore(…), draft)`
   * (see the README).
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiTokens.*`,
   * `userApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/user-api-tokens/#post
   */
  readonly post: Action<typeof userTokens.create>;
  /**
   * Yields every API token of the current user, fetching page after page (`perPage` defaults to
   * 100).
   *
   * Scopes (the token needs at least one): `all.User`, `all.User.bounded`, `all.User.read`,
   * `only.User`, `only.User.bounded`, `only.User.read`, `userApiTokens.*`, `userApiTokens.get`.
   *
   * Throws a `RequestValidationError` at once, before any request, when the params are invalid.
   *
   * @see https://docs.losant.com/rest-api/user-api-tokens/#get
   */
  readonly iterate: Iterate<typeof userTokens.list>;
}

/** `userApiToken`: read, change, delete and rotate one API token of the current user. */
export interface UserApiTokenResource {
  /**
   * Retrieves one API token of the current user (without its secret).
   *
   * Scopes (the token needs at least one): `all.User`, `all.User.bounded`, `all.User.read`,
   * `only.User`, `only.User.bounded`, `only.User.read`, `userApiToken.*`, `userApiToken.get`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#get
   */
  readonly get: Action<typeof userTokens.get>;
  /**
   * Updates an API token of the current user: name, description, roles or status (not scope or
   * expiry).
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiToken.*`,
   * `userApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#patch
   */
  readonly patch: Action<typeof userTokens.patch>;
  /**
   * Deletes an API token of the current user; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiToken.*`,
   * `userApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#delete
   */
  readonly delete: Action<typeof userTokens.delete>;
  /**
   * Replaces one API token of the current user with a new one, through `rotateToken`: reads it;
   * creates the replacement, which keeps name, `description`, `scope`, roles, `status` and
   * lifetime (counted from now) unless `name`, `status` or `expirationDate` (`null`: never)
   * say otherwise; awaits `deliver(secret, created)`; checks the new secret by reading the new
   * token with it (a 401 undoes the rotation, a 403 counts as `limited`); then revokes the old
   * token (`revoke`: `'delete'`, the default, `'deactivate'` or `'keep'`). Resolves to the
   * `Rotation`: `{ created, secret, old, revoked, verified, kept }`.
   *
   * A failed delivery deletes the replacement and leaves the old token untouched; any failing
   * step throws a `RotationError` whose `step`, `replacement`, `old` and message say exactly
   * what is left (never a secret). The create settles a lost answer by a one-time marker.
   *
   * Needs the scopes of `get`, `post` and the revoking action (`delete` or `patch`).
   */
  readonly rotate: Rotate<typeof userTokens.get>;
}

/** `applications`: the applications the caller can see (for discovery, e.g. audits). */
export interface ApplicationsResource {
  /**
   * Returns one page of the applications the current user has permission to see
   * (`GET /applications`): all of them, the user's own (`orgId: ''`) or one organization's
   * (`orgId`). Each application carries `id`, `name`, `ownerId`, `ownerType` and, when an
   * organization owns it, `organizationName`; every other field is kept as it came.
   *
   * Scopes (the token needs at least one): `all.Organization`, `all.Organization.read`,
   * `all.User`, `all.User.cli`, `all.User.read`, `applications.*`, `applications.get`.
   *
   * @see https://docs.losant.com/rest-api/applications/#get
   */
  readonly get: Action<typeof applicationsGet>;
  /**
   * Yields every application the current user can see (or of `orgId`), fetching page after
   * page (`perPage` defaults to 100).
   *
   * Scopes (the token needs at least one): `all.Organization`, `all.Organization.read`,
   * `all.User`, `all.User.cli`, `all.User.read`, `applications.*`, `applications.get`.
   *
   * Throws a `RequestValidationError` at once, before any request, when the params are invalid.
   *
   * @see https://docs.losant.com/rest-api/applications/#get
   */
  readonly iterate: Iterate<typeof applicationsGet>;
}

/** The six token resources, named as in `losant-rest` and Losant's docs, and `applications`. */
export interface LosantResources {
  /** List the applications the caller can see (`/applications`). */
  readonly applications: ApplicationsResource;
  /** List and create instance API tokens (`/instances/{instanceId}/tokens`). */
  readonly instanceApiTokens: InstanceApiTokensResource;
  /** Read, change and delete one instance API token. */
  readonly instanceApiToken: InstanceApiTokenResource;
  /** List and create application API tokens (`/applications/{applicationId}/tokens`). */
  readonly applicationApiTokens: ApplicationApiTokensResource;
  /** Read, change and delete one application API token. */
  readonly applicationApiToken: ApplicationApiTokenResource;
  /** List and create the current user's API tokens (`/me/tokens`). */
  readonly userApiTokens: UserApiTokensResource;
  /** Read, change and delete one of the current user's API tokens. */
  readonly userApiToken: UserApiTokenResource;
}

/** A Losant API-token client: the six token resources of `losant-rest` and `applications`, typed. */
export type LosantClient = LosantResources;
