import type { HttpClient, HttpResponse, RequestOptions, StandardSchemaV1 } from '@tokenkit/core';
import { type Endpoint, requestBody, requestPath } from './endpoint.js';
import { type ParamsInput, validateParams } from './params-schema.js';

/** The params of an endpoint's action, as a caller writes them (global params included). */
export type ParamsOf<E extends Endpoint> = ParamsInput<E['shape']>;

/** What an endpoint's action resolves to: its response schema's output. */
export type ResultOf<E extends Endpoint> = StandardSchemaV1.InferOutput<E['response']>;

/** A call whose params may be left out when none is required (the user list, applications). */
type Call<Params, Result> =
  Record<never, never> extends Params
    ? (params?: Params, options?: RequestOptions) => Promise<Result>
    : (params: Params, options?: RequestOptions) => Promise<Result>;

/**
 * One Losant action: `(params, options?)` resolves to the parsed, typed body, as `losant-rest`
 * does; `.withResponse()` to `{ data, status, headers, requestId }`. Typed from its endpoint.
 */
export type Action<E extends Endpoint> = Call<ParamsOf<E>, ResultOf<E>> & {
  /** The same call, resolving to the body with the response's status, headers and request id. */
  readonly withResponse: Call<ParamsOf<E>, HttpResponse<ResultOf<E>>>;
  /** The action's name, e.g. `'instanceApiTokens.get'`. */
  readonly action: E['name'];
  /** The scopes a token needs at least one of to run this action (API v1.30.0). */
  readonly scopes: E['scopes'];
  /** The vendor's doc page for this action. */
  readonly docs: string;
};

type Params = Readonly<Record<string, unknown>>;

/** The query `losant-rest` sends: its three default flags first, then the endpoint's params. */
function wireQuery(params: Params, fields: readonly string[]) {
  const query: Record<string, string | boolean | undefined> = {
    _actions: (params._actions as boolean | undefined) ?? false,
    _links: (params._links as boolean | undefined) ?? true,
    _embedded: (params._embedded as boolean | undefined) ?? true,
  };
  for (const field of fields) query[field] = params[field] as string | undefined;
  return query;
}

/**
 * Builds one action from its endpoint: validate the params (nothing is sent when they are
 * wrong), build the request exactly as `losant-rest` does, and parse the answer.
 */
export function defineAction<E extends Endpoint>(http: HttpClient, endpoint: E): Action<E> {
  const withResponse = async (params: unknown = {}, options?: RequestOptions) => {
    const valid = validateParams(endpoint.params, params);
    return http.request(
      {
        method: endpoint.method,
        path: requestPath(endpoint.path, valid),
        query: wireQuery(valid, endpoint.query),
        headers: { losantdomain: valid.losantdomain as string | undefined },
        body: requestBody(endpoint.body, valid),
        responseSchema: endpoint.response,
        deletedBody: endpoint.deletedBody,
      },
      options,
    );
  };
  return asAction(withResponse, endpoint);
}

/**
 * Makes an action from its `withResponse`: the plain call resolves to the body, and the
 * action carries its name, scopes and docs.
 */
export function asAction<E extends Endpoint>(
  withResponse: (params?: never, options?: RequestOptions) => Promise<HttpResponse<unknown>>,
  endpoint: Pick<E, 'name' | 'scopes' | 'docs'>,
): Action<E> {
  const action = async (params?: never, options?: RequestOptions) =>
    (await withResponse(params, options)).data;
  // The one place the runtime meets the types: the parsed body is the response schema's
  // output (core validated it with that schema) and the params were validated with `shape`.
  return Object.assign(action, {
    action: endpoint.name,
    scopes: endpoint.scopes,
    docs: endpoint.docs,
    withResponse,
  }) as unknown as Action<E>;
}
