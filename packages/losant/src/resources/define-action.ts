import type { HttpClient, HttpResponse, RequestOptions } from '@tokenkit/core';
import { type Endpoint, requestPath } from './endpoint.js';
import { validateParams } from './params-schema.js';

type Params = Readonly<Record<string, unknown>>;

/** The runtime shape of every action; `types.ts` gives each one its precise type. */
export interface RuntimeAction {
  (params?: unknown, options?: RequestOptions): Promise<unknown>;
  readonly action: string;
  readonly scopes: readonly string[];
  readonly docs: string;
  withResponse(params?: unknown, options?: RequestOptions): Promise<HttpResponse<unknown>>;
}

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
export function defineAction(http: HttpClient, endpoint: Endpoint): RuntimeAction {
  const withResponse = async (params: unknown = {}, options?: RequestOptions) => {
    const valid = validateParams(endpoint.params, params);
    return http.request(
      {
        method: endpoint.method,
        path: requestPath(endpoint.path, valid),
        query: wireQuery(valid, endpoint.query),
        headers: { losantdomain: valid.losantdomain as string | undefined },
        body: endpoint.body(valid),
        responseSchema: endpoint.response,
      },
      options,
    );
  };
  const action = async (params?: unknown, options?: RequestOptions) =>
    (await withResponse(params, options)).data;

  return Object.assign(action, {
    action: endpoint.name,
    scopes: endpoint.scopes,
    docs: endpoint.docs,
    withResponse,
  });
}
