import { formatDay, relativeDays, summarizeList } from '../output/format.js';
import type { Output } from '../output/output.js';
import { type LosantToken, losantTokenId } from './types.js';

/** A token without its secret: what every output except a create's shows. */
export function publicToken(token: LosantToken): LosantToken {
  const { token: _secret, ...rest } = token;
  return rest;
}

/** "2027-01-31 (in 68 days)", coloured by urgency; "never" in yellow. */
function expiryCell(output: Output, expirationDate: string | undefined, now: Date): string {
  const c = output.color;
  if (!expirationDate) return c.yellow('never');
  const date = new Date(expirationDate);
  if (Number.isNaN(date.getTime())) return expirationDate;
  const text = `${formatDay(date)} (${relativeDays(date, now)})`;
  const left = date.getTime() - now.getTime();
  if (left <= 0) return c.red(text);
  return left <= 30 * 86_400_000 ? c.yellow(text) : text;
}

/** "active" in green, "inactive" dimmed. */
function statusCell(output: Output, status: string | undefined): string {
  if (status === 'inactive') return output.color.dim('inactive');
  return output.color.green(status ?? 'active');
}

/** The header of a token table. */
export const tokenTableHead = ['ID', 'NAME', 'STATUS', 'EXPIRES', 'SCOPES'];

/** One table row per token. */
export function tokenRows(output: Output, tokens: readonly LosantToken[], now: Date): string[][] {
  return tokens.map((token) => [
    losantTokenId(token),
    token.name ?? '',
    statusCell(output, token.status),
    expiryCell(output, token.expirationDate, now),
    summarizeList(token.scope ?? [], 2),
  ]);
}

/** The detail view of one token, as label/value lines. */
export function tokenDetails(output: Output, token: LosantToken, now: Date): string[] {
  const c = output.color;
  const rows: [string, string][] = [
    ['id', losantTokenId(token)],
    ['status', statusCell(output, token.status)],
    ['expires', expiryCell(output, token.expirationDate, now)],
    ['scopes', (token.scope ?? []).join(', ') || '—'],
    ['created', formatDay(token.creationDate)],
    ['updated', formatDay(token.lastUpdated)],
  ];
  if (token.description) rows.push(['description', token.description]);
  if (typeof token.creatorName === 'string') rows.push(['creator', token.creatorName]);
  return [
    c.bold(token.name ?? '(unnamed)'),
    ...rows.map(([label, value]) => `  ${c.dim(label.padEnd(13))}${value}`),
  ];
}
