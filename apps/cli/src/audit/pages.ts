/** What the audit reads from a Losant list answer. */
export interface ListPage<T> {
  items?: readonly T[] | undefined;
  totalCount?: number | undefined;
}

/** Items asked for per list page: Losant's default, which every server accepts. */
export const perPage = 100;

/**
 * Reads every page of a list: page 0 first, then, knowing the total, every other page at once,
 * so the request gate keeps them in flight while earlier ones are judged. Pages are handed to
 * `onPage` as they arrive and not kept. Without a total it reads on until a short page.
 */
export async function eachPage<T, P extends ListPage<T>>(
  fetchPage: (page: number) => Promise<P>,
  onPage: (page: P, index: number) => void,
): Promise<void> {
  let last = await fetchPage(0);
  onPage(last, 0);
  const total = last.totalCount;
  if (total === undefined) {
    for (let page = 1; (last.items?.length ?? 0) >= perPage; page++) {
      last = await fetchPage(page);
      onPage(last, page);
    }
    return;
  }
  const rest = Array.from({ length: Math.max(0, Math.ceil(total / perPage) - 1) }, (_, index) =>
    fetchPage(index + 1).then((page) => onPage(page, index + 1)),
  );
  // Every page settles before the owner does, so nothing is still counting after a failure.
  const failed = (await Promise.allSettled(rest)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
