import {
  type PageIterator,
  paginate,
  type RequestOptions,
  RequestValidationError,
} from '@tokenkit/core';
import type { Action, ParamsOf, ResultOf } from './define-action.js';
import type { Endpoint } from './endpoint.js';
import { validateParams } from './params-schema.js';

/** Page size `iterate` asks for when the caller gives none (the API's own default). */
const DEFAULT_PER_PAGE = 100;

/** The envelope every Losant collection answers with. */
interface ListPage {
  readonly items?: readonly unknown[] | undefined;
  readonly totalCount?: number | undefined;
  readonly perPage?: number | undefined;
}

/** The item type of a list endpoint's page. */
type ItemOf<E extends Endpoint> = NonNullable<(ResultOf<E> & ListPage)['items']>[number];

/** `iterate(params, options?)` of a list endpoint: every item, page after page. */
export type Iterate<E extends Endpoint> =
  Record<never, never> extends ParamsOf<E>
    ? (params?: ParamsOf<E>, options?: RequestOptions) => PageIterator<ItemOf<E>, ResultOf<E>>
    : (params: ParamsOf<E>, options?: RequestOptions) => PageIterator<ItemOf<E>, ResultOf<E>>;

/** Joins the caller's abort signal with the paginator's, so either one stops a page. */
function withSignal(options: RequestOptions, signal: AbortSignal | undefined): RequestOptions {
  if (signal === undefined) return options;
  if (options.signal === undefined) return { ...options, signal };
  return { ...options, signal: AbortSignal.any([options.signal, signal]) };
}

/**
 * `iterate` for a list action: every item on every page, through core's paginator. The
 * params are checked up front, so a bad call throws before anything is sent.
 */
export function defineIterate<E extends Endpoint>(list: Action<E>, endpoint: E): Iterate<E> {
  const fetchList = list as unknown as (
    params: Readonly<Record<string, unknown>>,
    options: RequestOptions,
  ) => Promise<ListPage>;
  const iterate = (
    params: Readonly<Record<string, unknown>> = {},
    options: RequestOptions = {},
  ) => {
    const valid = validateParams(endpoint.params, params);
    const perPage = Number(valid.perPage ?? DEFAULT_PER_PAGE);
    if (perPage < 1)
      throw new RequestValidationError('perPage: must be at least 1 to iterate', {
        field: 'perPage',
      });
    return paginate({
      perPage,
      startPage: Number(valid.page ?? 0),
      fetchPage: (page, signal) =>
        fetchList({ ...params, page, perPage }, withSignal(options, signal)),
      items: (page) => page.items ?? [],
      totalCount: (page) => page.totalCount,
      // Losant echoes the page size it used: a page with fewer items is the last.
      pageSize: (page) => page.perPage,
    });
  };
  return iterate as unknown as Iterate<E>;
}
