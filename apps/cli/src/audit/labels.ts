import { sanitize } from '../output/sanitize.js';
import type { OwnerJson } from './owner-json.js';

/**
 * "losant application 5f0c… (name)", "losant user", "instana tenant": an owner for sentences,
 * the server's name for it made safe to print.
 */
export function ownerLabel(
  vendor: string,
  owner: OwnerJson,
  options: { short?: boolean; name?: boolean } = {},
) {
  const id = owner.id ? ` ${options.short ? `${owner.id.slice(0, 8)}…` : owner.id}` : '';
  const name = owner.name && options.name !== false ? ` (${sanitize(owner.name)})` : '';
  return `${vendor} ${owner.kind}${id}${name}`;
}

/** "3 tokens", "1 token". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
