import { globPattern } from '@tokenkit/schemas/instana';
import type { InstanaToken } from '../../vendors/instana/types.js';
import type { instanaSortFields } from './sort-fields.js';

/**
 * `--sort-field`, `--sort-direction` and `--filter`, as Losant's list takes them. Instana's API
 * lists every token at once and can neither sort nor filter, so the CLI does both itself.
 */
export interface InstanaListQuery {
  sortField?: (typeof instanaSortFields)[number] | undefined;
  sortDirection?: 'asc' | 'desc' | undefined;
  /** A name pattern: `*` any run of characters, `?` one; whole name, case ignored. */
  filter?: string | undefined;
}

/** A sort key: a token that never expires sorts after every date; one never used, before. */
function keyOf(token: InstanaToken, field: NonNullable<InstanaListQuery['sortField']>) {
  const value = token[field];
  if (field === 'expiresOn') return value ?? Number.POSITIVE_INFINITY;
  return value ?? (field === 'name' || field === 'internalId' ? '' : 0);
}

/** The tokens that match `--filter`, in `--sort-field` order (the API's order when none). */
export function applyListQuery(
  tokens: readonly InstanaToken[],
  query: InstanaListQuery,
): InstanaToken[] {
  const pattern =
    query.filter === undefined ? undefined : globPattern(query.filter, { ignoreCase: true });
  const shown = tokens.filter((token) => pattern?.test(token.name) ?? true);
  if (query.sortField === undefined && query.sortDirection === undefined) return shown;
  const field = query.sortField ?? 'name';
  const sign = query.sortDirection === 'desc' ? -1 : 1;
  return shown.sort((a, b) => {
    const [x, y] = [keyOf(a, field), keyOf(b, field)];
    const order =
      typeof x === 'string' && typeof y === 'string'
        ? x.localeCompare(y)
        : Number(x) - Number(y) || 0;
    return sign * order;
  });
}
