import {
  type HttpClient,
  paginate,
  type RequestOptions,
  RequestValidationError,
} from '@tokenkit/core';
import type { ApiTokens } from '@tokenkit/schemas/losant';
import type { LosantResources } from '../types.js';
import { type ActionEntry, actionTable } from './action-table.js';
import { defineAction, type RuntimeAction } from './define-action.js';
import { validateParams } from './params-schema.js';

/** Page size `iterate` asks for when the caller gives none (the API's own default). */
const DEFAULT_PER_PAGE = 100;

/** Joins the caller's abort signal with the paginator's, so either one stops a page. */
function withSignal(options: RequestOptions, signal: AbortSignal | undefined): RequestOptions {
  if (signal === undefined) return options;
  if (options.signal === undefined) return { ...options, signal };
  return { ...options, signal: AbortSignal.any([options.signal, signal]) };
}

/**
 * `iterate` for a list action: every token on every page, through core's paginator. The
 * params are checked up front, so a bad call throws before anything is sent.
 */
function defineIterate(list: RuntimeAction, { schema }: ActionEntry) {
  return (params: Readonly<Record<string, unknown>> = {}, options: RequestOptions = {}) => {
    const valid = validateParams(schema, params);
    const perPage = Number(valid.perPage ?? DEFAULT_PER_PAGE);
    if (perPage < 1)
      throw new RequestValidationError('perPage: must be at least 1 to iterate', {
        field: 'perPage',
      });
    return paginate({
      perPage,
      startPage: Number(valid.page ?? 0),
      fetchPage: (page, signal) =>
        list({ ...params, page, perPage }, withSignal(options, signal)) as Promise<ApiTokens>,
      items: (page) => page.items ?? [],
      totalCount: (page) => page.totalCount,
    });
  };
}

/**
 * Builds the six resources from the action table: one generic definition per kind, crossed
 * with the three owners.
 */
export function createResources(http: HttpClient): LosantResources {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const entry of actionTable) {
    resources[entry.resource] ??= {};
    const resource = resources[entry.resource]!;
    const action = defineAction(http, entry);
    resource[entry.kind.verb] = action;
    if (entry.kind.on === 'collection' && entry.kind.verb === 'get') {
      resource.iterate = defineIterate(action, entry);
    }
  }
  return resources as unknown as LosantResources;
}
