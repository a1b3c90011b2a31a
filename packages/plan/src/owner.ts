import type { LosantOwner } from './types.js';

/**
 * The owner as the plan's records name it: `application:<id>`, `instance:<id>`, `user`, or
 * `tenant` for Instana (whose tokens belong to the whole tenant).
 */
export function ownerKey(owner: LosantOwner | 'tenant'): string {
  if (owner === 'tenant') return 'tenant';
  return owner.kind === 'user' ? 'user' : `${owner.kind}:${owner.id}`;
}

/** The owner as a tokens file writes it: `{ application: ID }`, `{ instance: ID }`, `{ user: true }`. */
export function ownerField(owner: LosantOwner): Record<string, string | boolean> {
  return owner.kind === 'user' ? { user: true } : { [owner.kind]: owner.id };
}
