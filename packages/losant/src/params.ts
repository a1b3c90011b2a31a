import type {
  ApiTokenPatchInput,
  ApiTokenPostInput,
  ApplicationsQueryInput,
  ListQueryInput,
} from '@tokenkit/schemas/losant';

/**
 * The params every Losant action takes (the official client's global params). The three
 * flags default to `_actions=false&_links=true&_embedded=true`, as `losant-rest` sends them.
 */
export interface GlobalParams {
  /** Domain scope of the request (rarely needed). Sent as the `losantdomain` header. */
  losantdomain?: string;
  /**
   * Return resource actions in the response (`_actions` query param).
   * @defaultValue false
   */
  _actions?: boolean;
  /**
   * Return resource links in the response (`_links` query param).
   * @defaultValue true
   */
  _links?: boolean;
  /**
   * Return embedded resources in the response (`_embedded` query param).
   * @defaultValue true
   */
  _embedded?: boolean;
}

/** The owner of instance API tokens. */
export interface InstanceOwner {
  /** ID associated with the instance (24 hexadecimal characters). */
  instanceId: string;
}

/** The owner of application API tokens. */
export interface ApplicationOwner {
  /** ID associated with the application (24 hexadecimal characters). */
  applicationId: string;
}

/** The owner of user API tokens: the authenticated user (`/me`), so no id. */
export type UserOwner = Record<never, never>;

/** One of the three token owners. */
export type TokenOwner = InstanceOwner | ApplicationOwner | UserOwner;

/**
 * The list query: `sortField`, `sortDirection`, `page` (0-based), `perPage` (default 100),
 * `filterField` and `filter` (supports `*` globbing). `page` and `perPage` take a number or a
 * string of digits and are sent as strings.
 */
export type ListParams = ListQueryInput;

/** Params of a list action (`…ApiTokens.get`). */
export type TokenListParams<Owner extends TokenOwner> = Owner & ListParams & GlobalParams;

/** Params of `iterate`: the list params; `page` is where to start, `perPage` defaults to 100. */
export type TokenIterateParams<Owner extends TokenOwner> = TokenListParams<Owner>;

/** Params of a create action (`…ApiTokens.post`). */
export type TokenCreateParams<Owner extends TokenOwner> = Owner & {
  /** API token information: `name` is required; `scope` and `expirationDate` are final. */
  apiToken: ApiTokenPostInput;
} & GlobalParams;

/** Params of `…ApiToken.get` and `…ApiToken.delete`. */
export type TokenParams<Owner extends TokenOwner> = Owner & {
  /** ID associated with the API token (24 hexadecimal characters). */
  apiTokenId: string;
} & GlobalParams;

/** Params of `…ApiToken.patch`. */
export type TokenPatchParams<Owner extends TokenOwner> = TokenParams<Owner> & {
  /** The new properties; `scope` and `expirationDate` cannot be changed after creation. */
  apiToken: ApiTokenPatchInput;
};

/**
 * Params of `applications.get` and `applications.iterate`: `sortField` (`name`, `id`,
 * `creationDate`, `ownerId`, `lastUpdated`), `sortDirection`, `page` (0-based), `perPage`
 * (default 100), `filterField` (`name`) and `filter` (`*` globbing), `orgId` (absent: every
 * application the caller can see; `''`: the user's own; an id: that organization's),
 * `summaryExclude`/`summaryInclude` (comma-separated summary fields), and the global params.
 */
export type ApplicationsParams = ApplicationsQueryInput & GlobalParams;
