import { isAnswerLost } from '../answer-lost.js';
import type { OldTokenState, ReplacementState } from '../errors.js';

/** How an attempt to delete a token ended. */
export type Removal = 'deleted' | 'absent' | { failed: unknown };

/**
 * What is left of a replacement the engine tried to delete.
 *
 * | removal                          | replacement |
 * | -------------------------------- | ----------- |
 * | `deleted` or `absent`            | `deleted`   |
 * | failed, answer lost (5xx, reset) | `unknown`   |
 * | failed, answered (4xx)           | `kept`      |
 */
export function replacementAfter(removal: Removal): Exclude<ReplacementState, 'none'> {
  if (removal === 'deleted' || removal === 'absent') return 'deleted';
  return isAnswerLost(removal.failed) ? 'unknown' : 'kept';
}

/**
 * What is left of the old token when revoking it failed: a lost answer may have revoked it,
 * an answered refusal did not.
 */
export function oldAfterFailedRevoke(error: unknown): OldTokenState {
  return isAnswerLost(error) ? 'unknown' : 'untouched';
}

/** What the old token became once revoked as asked. */
export function revokedState(mode: 'delete' | 'deactivate'): 'deleted' | 'deactivated' {
  return mode === 'delete' ? 'deleted' : 'deactivated';
}
