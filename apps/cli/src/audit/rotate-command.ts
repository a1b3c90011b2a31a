import { shellWord } from '../output/shell-word.js';
import type { AuditToken } from './types.js';

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
  return losantRotate(token, owner, expires);
}

/**
 * The command that gives this token an expiry: Losant's tokens cannot take one later, so they
 * are rotated into one that has it; Instana's are updated in place.
 */
export function expiryCommand(token: AuditToken, expires: string): string {
  if (token.owner.vendor === 'instana') {
    return `tokenkit instana tokens update ${shellWord(token.id)} --expires ${expires}`;
  }
  return losantRotate(token, token.owner, expires);
}

function losantRotate(
  token: AuditToken,
  owner: Exclude<AuditToken['owner'], { vendor: 'instana' }>,
  expires?: string,
): string {
  const ownerFlag = owner.kind === 'user' ? '--user' : `--${owner.kind} ${shellWord(owner.id)}`;
  const expiry = expires ? ` --expires ${expires}` : '';
  return `tokenkit losant tokens rotate ${shellWord(token.id)} ${ownerFlag}${expiry}`;
}
