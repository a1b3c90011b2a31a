import type { ListQueryInput } from '@tokenkit/schemas/losant';
import type * as z from 'zod/mini';
import type { applicationsGet } from './resources/applications.js';
import type { ParamsOf, ResultOf } from './resources/define-action.js';
import type { globalShape } from './resources/params-schema.js';
import type { applicationTokens, instanceTokens, userTokens } from './resources/token-endpoints.js';

/**
 * The params every Losant action takes (the official client's global params): the
 * `losantdomain` header and the `_actions`/`_links`/`_embedded` flags, which default to
 * `_actions=false&_links=true&_embedded=true`, as `losant-rest` sends them.
 */
export type GlobalParams = z.input<z.ZodMiniObject<typeof globalShape>>;

/**
 * The token list query: `sortField`, `sortDirection`, `page` (0-based), `perPage` (default
 * 100), `filterField` and `filter` (supports `*` globbing). `page` and `perPage` take a number
 * or a string of digits and are sent as strings.
 */
export type ListParams = ListQueryInput;

type Endpoints<Owner> = Owner[keyof Owner];

/** Every endpoint of this client, by action name. */
type EndpointsByName = {
  [E in
    | Endpoints<typeof instanceTokens>
    | Endpoints<typeof applicationTokens>
    | Endpoints<typeof userTokens>
    | typeof applicationsGet as E['name']]: E;
};

/** The name of an action of this client, e.g. `'applicationApiTokens.post'`. */
export type ActionName = keyof EndpointsByName;

/**
 * The params of an action, as a caller writes them: e.g. `ActionParams<'instanceApiTokens.get'>`
 * is the instance id, the list query and the global params.
 */
export type ActionParams<Name extends ActionName> = ParamsOf<EndpointsByName[Name]>;

/** What an action resolves to, e.g. `ActionResult<'userApiTokens.post'>` is `CreatedApiToken`. */
export type ActionResult<Name extends ActionName> = ResultOf<EndpointsByName[Name]>;
