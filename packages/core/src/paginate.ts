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
  /**
   * The total number of items, when the page says. The first page's count bounds the walk: no
   * page past `ceil(totalCount / pageSize)` is asked for, whatever later pages claim.
   */
  totalCount?: ((page: TPage) => number | undefined) | undefined;
  /**
   * The page size the server echoes, when it does: a page with fewer items is the last one. (The
   * size asked for is no proof: a server may cap it lower.) @default undefined (no short-page rule)
   */
  pageSize?: ((page: TPage) => number | undefined) | undefined;
}

/** Items across pages with `for await`, or whole pages with `.pages()`. */
export interface PageIterator<TItem, TPage> extends AsyncIterable<TItem> {
  /** Iterates whole pages instead of items. */
  pages(): AsyncIterable<TPage>;
}

/**
 * Walks a page-numbered list lazily: a page is fetched only when the caller gets to it (or, with
 * `prefetch`, while the caller works on the one before), so memory stays at one or two pages
 * however long the list. It stops on an empty page, a short page (fewer items than the
 * `pageSize` the server echoes), a page that repeats the one before (a server ignoring the page
 * number), and at the last page the first page's `totalCount` allows: a server that lies cannot
 * make it ask for ever. Breaking out of the loop sends no further request and aborts a prefetch
 * in flight.
 *
 * @throws RequestValidationError (field `perPage`) unless `perPage` is a positive integer.
 * @example
 * const tokens = paginate({
 *   perPage: 100,
 *   fetchPage: (page, signal) => http.request({ method: 'GET', path: '/tokens', query: { page, perPage: 100 } }, { signal }).then((r) => r.data),
 *   items: (page) => page.items,
 *   totalCount: (page) => page.totalCount,
 *   pageSize: (page) => page.perPage,
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
    const ends = pageEnds(options);
    try {
      let page = startPage;
      let pending = fetchPage(page);
      for (;;) {
        const current = await pending;
        const end = ends(current, page);
        if (end === 'before') return;
        if (end === 'after') {
          yield current;
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

/** Where the list ends relative to a page: before it (nothing new), after it, or not yet. */
type PageEnd = 'before' | 'after' | undefined;

/** The stop rules of {@link paginate}, remembering the first page's total and the last page. */
function pageEnds<TItem, TPage>(
  options: PaginateOptions<TItem, TPage>,
): (current: TPage, page: number) => PageEnd {
  let lastPage = Number.POSITIVE_INFINITY;
  let previous: string | undefined;
  return (current, page) => {
    const items = options.items(current);
    if (items.length === 0) return 'before';
    // Items are JSON from the server, and a page holds no item of another page: a page whose
    // length, first and last item read as the one before's is that page again. Three values,
    // not the whole page, are serialised (a page of 1,000 tokens would cost half its parse).
    const text = `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items.at(-1))}`;
    if (text === previous) return 'before';
    previous = text;
    const size = positive(options.pageSize?.(current));
    if (lastPage === Number.POSITIVE_INFINITY) {
      const total = options.totalCount?.(current);
      if (typeof total === 'number' && Number.isFinite(total)) {
        lastPage = Math.ceil(Math.max(total, 0) / (size ?? options.perPage)) - 1;
      }
    }
    if (page >= lastPage || (size !== undefined && items.length < size)) return 'after';
    return undefined;
  };
}

/** `value` when it is a positive integer, else undefined. */
function positive(value: number | undefined): number | undefined {
  return Number.isInteger(value) && (value as number) > 0 ? value : undefined;
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
