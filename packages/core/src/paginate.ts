import { RequestValidationError } from './errors.js';

/** Options for {@link paginate}: a page-number strategy with 0-based pages. */
export interface PaginateOptions<TItem, TPage> {
  /** Items requested per page; used with `totalCount` to know the last page. */
  perPage: number;
  /** The first page to fetch. @default 0 */
  startPage?: number | undefined;
  /** Fetch the next page while the caller works through the current one. @default false */
  prefetch?: boolean | undefined;
  /** Fetches one page; `signal` aborts a prefetch the caller no longer needs. */
  fetchPage: (page: number, signal: AbortSignal) => Promise<TPage>;
  /** The items of a page. */
  items: (page: TPage) => readonly TItem[];
  /** The total number of items, when the page says; iteration stops once `(page + 1) * perPage >= totalCount`. */
  totalCount?: ((page: TPage) => number | undefined) | undefined;
}

/** Items across pages with `for await`, or whole pages with `.pages()`. */
export interface PageIterator<TItem, TPage> extends AsyncIterable<TItem> {
  /** Iterates whole pages instead of items. */
  pages(): AsyncIterable<TPage>;
}

/**
 * Walks a page-numbered list lazily: a page is fetched only when the caller gets to it (or, with
 * `prefetch`, while the caller works on the one before), so memory stays at one or two pages
 * however long the list. Stops on an empty page or when `(page + 1) * perPage >= totalCount`.
 * Breaking out of the loop sends no further request and aborts a prefetch in flight.
 *
 * @throws RequestValidationError (field `perPage`) unless `perPage` is a positive integer.
 * @example
 * const tokens = paginate({
 *   perPage: 100,
 *   fetchPage: (page, signal) => http.request({ method: 'GET', path: '/tokens', query: { page, perPage: 100 } }, { signal }).then((r) => r.data),
 *   items: (page) => page.items,
 *   totalCount: (page) => page.totalCount,
 * });
 * for await (const token of tokens) console.log(token.name);
 */
export function paginate<TItem, TPage>(
  options: PaginateOptions<TItem, TPage>,
): PageIterator<TItem, TPage> {
  if (!Number.isInteger(options.perPage) || options.perPage <= 0) {
    throw new RequestValidationError('perPage must be a positive integer', { field: 'perPage' });
  }
  const startPage = options.startPage ?? 0;

  async function* pages(): AsyncGenerator<TPage, void, undefined> {
    const controller = new AbortController();
    // A rejected prefetch the caller never awaits must not surface as an unhandled rejection.
    const fetchPage = (page: number) => {
      const promise = options.fetchPage(page, controller.signal);
      promise.catch(() => undefined);
      return promise;
    };
    try {
      let page = startPage;
      let pending = fetchPage(page);
      for (;;) {
        const current = await pending;
        const items = options.items(current);
        const total = options.totalCount?.(current);
        const last =
          items.length === 0 || (total !== undefined && (page + 1) * options.perPage >= total);
        if (last) {
          if (items.length > 0) yield current;
          return;
        }
        page++;
        if (options.prefetch) {
          pending = fetchPage(page);
          yield current;
        } else {
          yield current;
          pending = fetchPage(page);
        }
      }
    } finally {
      controller.abort();
    }
  }

  return {
    pages,
    [Symbol.asyncIterator]: () => itemsOf(pages(), options.items),
  };
}

/**
 * The items of every page, one by one. Written by hand: an async generator that `yield*`s each
 * page pays extra promise rounds per item, which over 100,000 tokens cost more than a page
 * request (`bench/`). Like every async iterator, it expects one `next()` at a time.
 */
function itemsOf<TItem, TPage>(
  pages: AsyncGenerator<TPage, void, undefined>,
  items: (page: TPage) => readonly TItem[],
): AsyncIterator<TItem, undefined> {
  let current: readonly TItem[] = [];
  let index = 0;
  return {
    async next() {
      while (index >= current.length) {
        const result = await pages.next();
        if (result.done) return { value: undefined, done: true };
        current = items(result.value);
        index = 0;
      }
      return { value: current[index++] as TItem, done: false };
    },
    // `break`, `return` or a throw in the loop body: stop the pages (which aborts a prefetch).
    async return() {
      current = [];
      await pages.return(undefined);
      return { value: undefined, done: true };
    },
  };
}
