import type { PermissionChange } from '@tokenkit/instana';
import { expiryCell } from '../../output/expiry.js';
import { formatDay, formatTimestamp, summarizeList } from '../../output/format.js';
import type { Output } from '../../output/output.js';
import { sanitize, sanitizeFields } from '../../output/sanitize.js';
import type { TableColumn } from '../../output/table.js';
import { grantedPermissions, type InstanaToken } from '../../vendors/instana/types.js';

/** The columns of an Instana token table; at a narrow terminal LAST USED goes first. */
export const instanaTableHead: TableColumn[] = [
  { title: 'INTERNAL ID', fixed: true },
  { title: 'NAME' },
  { title: 'EXPIRES', fixed: true, dropOrder: 3 },
  { title: 'PERMISSIONS', dropOrder: 2 },
  { title: 'LAST USED', fixed: true, dropOrder: 1 },
];

/**
 * One table row per token; server text is sanitised. A pipe gets whole values (every granted
 * permission, comma-separated; dates as ISO 8601 date-times; empty when there is none).
 */
export function instanaRows(
  output: Output,
  tokens: readonly InstanaToken[],
  now: Date,
): string[][] {
  return tokens.map(sanitizeFields).map((token) => {
    const granted = grantedPermissions(token);
    if (output.wholeValues) {
      return [
        token.internalId,
        token.name,
        formatTimestamp(token.expiresOn),
        granted.join(','),
        formatTimestamp(token.lastUsedOn),
      ];
    }
    return [
      token.internalId,
      token.name,
      expiryCell(output, token.expiresOn, now, true),
      granted.length === 0 ? '—' : `${granted.length}: ${summarizeList(granted, 2)}`,
      formatDay(token.lastUsedOn),
    ];
  });
}

/** The detail view of one token; server text is sanitised. */
export function instanaDetails(output: Output, unsafe: InstanaToken, now: Date): string[] {
  const c = output.color;
  const token = sanitizeFields(unsafe);
  const granted = grantedPermissions(token);
  const whole = output.wholeValues;
  const day = whole ? formatTimestamp : formatDay;
  const rows: [string, string][] = [
    ['internal id', token.internalId],
    [
      'expires',
      whole ? formatTimestamp(token.expiresOn) : expiryCell(output, token.expiresOn, now),
    ],
    ['created', `${day(token.createdOn)}${token.createdBy ? ` by ${token.createdBy}` : ''}`],
    ['last used', day(token.lastUsedOn)],
    ['permissions', granted.length === 0 ? (whole ? '' : '—') : granted.join(', ')],
  ];
  return [
    c.bold(token.name),
    ...rows.map(([label, value]) => `  ${c.dim(label.padEnd(13))}${value}`),
  ];
}

/** Lines that tell the person which permissions the server set differently from the request. */
export function changeLines(
  output: Output,
  changes: readonly PermissionChange[],
  reasons: Readonly<Record<string, string | undefined>> = {},
): string[] {
  if (changes.length === 0) return [];
  const c = output.color;
  const word = (value: boolean) => (value ? 'on' : 'off');
  return [
    c.yellow(
      `The server changed ${changes.length} permission${changes.length === 1 ? '' : 's'} from what was sent:`,
    ),
    ...changes.map((change) => {
      const reason = reasons[change.name];
      return `  ${sanitize(change.name)}: sent ${word(change.sent)}, now ${c.bold(word(change.received))}${reason ? c.dim(` (${reason})`) : ''}`;
    }),
  ];
}
