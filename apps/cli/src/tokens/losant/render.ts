import { expiryCell } from '../../output/expiry.js';
import { formatDay, formatTimestamp, summarizeList } from '../../output/format.js';
import type { Output } from '../../output/output.js';
import { sanitizeFields } from '../../output/sanitize.js';
import type { TableColumn } from '../../output/table.js';
import { type LosantToken, losantTokenId } from '../../vendors/losant/types.js';

/** "active" in green, "inactive" dimmed. */
function statusCell(output: Output, status: string | undefined): string {
  if (status === 'inactive') return output.color.dim('inactive');
  return output.color.green(status ?? 'active');
}

/** The columns of a token table; at a narrow terminal SCOPES goes first, then STATUS. */
export const tokenTableHead: TableColumn[] = [
  { title: 'ID', fixed: true },
  { title: 'NAME' },
  { title: 'STATUS', dropOrder: 2 },
  { title: 'EXPIRES', fixed: true, dropOrder: 3 },
  { title: 'SCOPES', dropOrder: 1 },
];

/**
 * One table row per token; server text is sanitised. A pipe gets whole values (every scope,
 * comma-separated; the expiry as the API gives it; empty when there is none), a terminal
 * shortened ones.
 */
export function tokenRows(output: Output, tokens: readonly LosantToken[], now: Date): string[][] {
  const whole = output.wholeValues;
  return tokens
    .map(sanitizeFields)
    .map((token) => [
      losantTokenId(token),
      token.name ?? '',
      whole ? (token.status ?? '') : statusCell(output, token.status),
      whole
        ? formatTimestamp(token.expirationDate)
        : expiryCell(output, token.expirationDate, now, true),
      whole ? (token.scope ?? []).join(',') : summarizeList(token.scope ?? [], 2),
    ]);
}

/** A date for the detail view: whole in a pipe, the day at a terminal. */
function dateCell(output: Output, value: string | undefined): string {
  return output.wholeValues ? formatTimestamp(value) : formatDay(value);
}

/** The detail view of one token, as label/value lines; server text is sanitised. */
export function tokenDetails(output: Output, unsafe: LosantToken, now: Date): string[] {
  const c = output.color;
  const token = sanitizeFields(unsafe);
  const rows: [string, string][] = [
    ['id', losantTokenId(token)],
    ['status', statusCell(output, token.status)],
    [
      'expires',
      output.wholeValues
        ? formatTimestamp(token.expirationDate)
        : expiryCell(output, token.expirationDate, now),
    ],
    ['scopes', (token.scope ?? []).join(', ') || (output.wholeValues ? '' : '—')],
    ['created', dateCell(output, token.creationDate)],
    ['updated', dateCell(output, token.lastUpdated)],
  ];
  if (token.description) rows.push(['description', token.description]);
  if (typeof token.creatorName === 'string') rows.push(['creator', token.creatorName]);
  return [
    c.bold(token.name ?? '(unnamed)'),
    ...rows.map(([label, value]) => `  ${c.dim(label.padEnd(13))}${value}`),
  ];
}
