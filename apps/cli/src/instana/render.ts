import type { PermissionChange } from '@tokenkit/instana';
import { formatDay, relativeDays, summarizeList } from '../output/format.js';
import type { Output } from '../output/output.js';
import { grantedPermissions, type InstanaToken } from './types.js';

/**
 * A token without its secret. Instana returns `accessGrantingToken` on reads too (masked on
 * the real service, maybe not on a test server); it is never printed outside a create.
 */
export function publicInstanaToken(token: InstanaToken): Omit<InstanaToken, 'accessGrantingToken'> {
  const { accessGrantingToken: _secret, ...rest } = token;
  return rest;
}

function expiresCell(output: Output, expiresOn: number | null | undefined, now: Date): string {
  const c = output.color;
  if (typeof expiresOn !== 'number') return c.yellow('never');
  const date = new Date(expiresOn);
  const text = `${formatDay(date)} (${relativeDays(date, now)})`;
  const left = expiresOn - now.getTime();
  if (left <= 0) return c.red(text);
  return left <= 30 * 86_400_000 ? c.yellow(text) : text;
}

/** The header of an Instana token table. */
export const instanaTableHead = ['INTERNAL ID', 'NAME', 'EXPIRES', 'PERMISSIONS', 'LAST USED'];

/** One table row per token. */
export function instanaRows(
  output: Output,
  tokens: readonly InstanaToken[],
  now: Date,
): string[][] {
  return tokens.map((token) => {
    const granted = grantedPermissions(token);
    return [
      token.internalId,
      token.name,
      expiresCell(output, token.expiresOn, now),
      granted.length === 0 ? '—' : `${granted.length}: ${summarizeList(granted, 2)}`,
      formatDay(token.lastUsedOn),
    ];
  });
}

/** The detail view of one token. */
export function instanaDetails(output: Output, token: InstanaToken, now: Date): string[] {
  const c = output.color;
  const granted = grantedPermissions(token);
  const rows: [string, string][] = [
    ['internal id', token.internalId],
    ['expires', expiresCell(output, token.expiresOn, now)],
    ['created', `${formatDay(token.createdOn)}${token.createdBy ? ` by ${token.createdBy}` : ''}`],
    ['last used', formatDay(token.lastUsedOn)],
    ['permissions', granted.length === 0 ? '—' : granted.join(', ')],
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
      return `  ${change.name}: sent ${word(change.sent)}, now ${c.bold(word(change.received))}${reason ? c.dim(` (${reason})`) : ''}`;
    }),
  ];
}
