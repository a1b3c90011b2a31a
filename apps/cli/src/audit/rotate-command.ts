import type { AuditToken } from './types.js';

/**
 * A word the shell reads as itself: single-quoted unless it is plainly safe. Instana's
 * `internalId` is the server's text, and a printed command is meant to be pasted.
 */
function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that replaces this token with a fresh one (same scopes or permissions) and
 * revokes it, or `null` when rotating cannot fix what is wrong. `expires` asks for an expiry the
 * old token lacks, which only Losant's rotate takes.
 */
export function rotateCommand(token: AuditToken, expires?: string): string | null {
  const owner = token.owner;
  if (owner.vendor === 'instana') {
    return expires ? null : `tokenkit instana tokens rotate ${shellWord(token.id)}`;
  }
  const ownerFlag = owner.kind === 'user' ? '--user' : `--${owner.kind} ${shellWord(owner.id)}`;
  const expiry = expires ? ` --expires ${expires}` : '';
  return `tokenkit losant tokens rotate ${shellWord(token.id)} ${ownerFlag}${expiry}`;
}
