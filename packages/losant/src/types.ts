import type { HttpResponse, PageIterator, RequestOptions } from '@tokenkit/core';
import type {
  ApiToken,
  ApiTokens,
  Application,
  Applications,
  actionScopes,
  CreatedApiToken,
  LosantAction,
  Success,
} from '@tokenkit/schemas/losant';
import type {
  ApplicationOwner,
  ApplicationsParams,
  InstanceOwner,
  TokenCreateParams,
  TokenIterateParams,
  TokenListParams,
  TokenParams,
  TokenPatchParams,
  UserOwner,
} from './params.js';
import type { applicationsGetScopes } from './resources/applications.js';

/** What every action carries besides being callable. */
export interface ActionInfo<Name extends LosantAction> {
  /** The action's name, e.g. `'instanceApiTokens.get'`. */
  readonly action: Name;
  /** The scopes a token needs at least one of to run this action (API v1.30.0). */
  readonly scopes: (typeof actionScopes)[Name];
  /** The vendor's doc page for this action. */
  readonly docs: string;
}

/**
 * One Losant action: `(params, options?)` resolves to the parsed, typed body, as
 * `losant-rest` does. `.withResponse()` resolves to `{ data, status, headers, requestId }`.
 */
export interface Action<Name extends LosantAction, Params, Result> extends ActionInfo<Name> {
  (params: Params, options?: RequestOptions): Promise<Result>;
  /** The same call, resolving to the body with the response's status, headers and request id. */
  withResponse(params: Params, options?: RequestOptions): Promise<HttpResponse<Result>>;
}

/** An action whose params are all optional (the user token list), so `params` may be left out. */
export interface OptionalParamsAction<Name extends LosantAction, Params, Result>
  extends ActionInfo<Name> {
  (params?: Params, options?: RequestOptions): Promise<Result>;
  /** The same call, resolving to the body with the response's status, headers and request id. */
  withResponse(params?: Params, options?: RequestOptions): Promise<HttpResponse<Result>>;
}

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
  readonly get: Action<'instanceApiTokens.get', TokenListParams<InstanceOwner>, ApiTokens>;
  /**
   * Creates an API token for an instance; the answer holds its secret `token`, this one time.
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiTokens.*`,
   * `instanceApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-tokens/#post
   */
  readonly post: Action<
    'instanceApiTokens.post',
    TokenCreateParams<InstanceOwner>,
    CreatedApiToken
  >;
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
  iterate(
    params: TokenIterateParams<InstanceOwner>,
    options?: RequestOptions,
  ): PageIterator<ApiToken, ApiTokens>;
}

/** `instanceApiToken`: read, change and delete one API token of an instance. */
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
  readonly get: Action<'instanceApiToken.get', TokenParams<InstanceOwner>, ApiToken>;
  /**
   * Updates an API token of an instance: name, description, roles or status (not scope or expiry).
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiToken.*`,
   * `instanceApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-token/#patch
   */
  readonly patch: Action<'instanceApiToken.patch', TokenPatchParams<InstanceOwner>, ApiToken>;
  /**
   * Deletes an API token of an instance; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.Instance`, `all.User`, `instanceApiToken.*`,
   * `instanceApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/instance-api-token/#delete
   */
  readonly delete: Action<'instanceApiToken.delete', TokenParams<InstanceOwner>, Success>;
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
  readonly get: Action<'applicationApiTokens.get', TokenListParams<ApplicationOwner>, ApiTokens>;
  /**
   * Creates an API token for an application; the answer holds its secret `token`, this one time.
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiTokens.*`, `applicationApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/application-api-tokens/#post
   */
  readonly post: Action<
    'applicationApiTokens.post',
    TokenCreateParams<ApplicationOwner>,
    CreatedApiToken
  >;
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
  iterate(
    params: TokenIterateParams<ApplicationOwner>,
    options?: RequestOptions,
  ): PageIterator<ApiToken, ApiTokens>;
}

/** `applicationApiToken`: read, change and delete one API token of an application. */
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
  readonly get: Action<'applicationApiToken.get', TokenParams<ApplicationOwner>, ApiToken>;
  /**
   * Updates an API token of an application: name, description, roles or status (not scope or
   * expiry).
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiToken.*`, `applicationApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/application-api-token/#patch
   */
  readonly patch: Action<'applicationApiToken.patch', TokenPatchParams<ApplicationOwner>, ApiToken>;
  /**
   * Deletes an API token of an application; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.Application`, `all.Organization`, `all.User`,
   * `applicationApiToken.*`, `applicationApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/application-api-token/#delete
   */
  readonly delete: Action<'applicationApiToken.delete', TokenParams<ApplicationOwner>, Success>;
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
  readonly get: OptionalParamsAction<'userApiTokens.get', TokenListParams<UserOwner>, ApiTokens>;
  /**
   * Creates an API token for the current user; the answer holds its secret `token`, this one time.
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiTokens.*`,
   * `userApiTokens.post`.
   *
   * @see https://docs.losant.com/rest-api/user-api-tokens/#post
   */
  readonly post: Action<'userApiTokens.post', TokenCreateParams<UserOwner>, CreatedApiToken>;
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
  iterate(
    params?: TokenIterateParams<UserOwner>,
    options?: RequestOptions,
  ): PageIterator<ApiToken, ApiTokens>;
}

/** `userApiToken`: read, change and delete one API token of the current user. */
export interface UserApiTokenResource {
  /**
   * Retrieves one API token of the current user (without its secret).
   *
   * Scopes (the token needs at least one): `all.User`, `all.User.bounded`, `all.User.read`,
   * `only.User`, `only.User.bounded`, `only.User.read`, `userApiToken.*`, `userApiToken.get`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#get
   */
  readonly get: Action<'userApiToken.get', TokenParams<UserOwner>, ApiToken>;
  /**
   * Updates an API token of the current user: name, description, roles or status (not scope or
   * expiry).
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiToken.*`,
   * `userApiToken.patch`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#patch
   */
  readonly patch: Action<'userApiToken.patch', TokenPatchParams<UserOwner>, ApiToken>;
  /**
   * Deletes an API token of the current user; requests made with it fail from then on.
   *
   * Scopes (the token needs at least one): `all.User`, `only.User`, `userApiToken.*`,
   * `userApiToken.delete`.
   *
   * @see https://docs.losant.com/rest-api/user-api-token/#delete
   */
  readonly delete: Action<'userApiToken.delete', TokenParams<UserOwner>, Success>;
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
  readonly get: ApplicationsGetAction;
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
  iterate(
    params?: ApplicationsParams,
    options?: RequestOptions,
  ): PageIterator<Application, Applications>;
}

/** `applications.get`: params optional; `.scopes` lists what a token needs. */
export interface ApplicationsGetAction {
  (params?: ApplicationsParams, options?: RequestOptions): Promise<Applications>;
  /** The same call, resolving to the body with the response's status, headers and request id. */
  withResponse(
    params?: ApplicationsParams,
    options?: RequestOptions,
  ): Promise<HttpResponse<Applications>>;
  /** The action's name, `'applications.get'`. */
  readonly action: 'applications.get';
  /** The scopes a token needs at least one of to run this action (API v1.30.0). */
  readonly scopes: typeof applicationsGetScopes;
  /** The vendor's doc page for this action. */
  readonly docs: string;
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
