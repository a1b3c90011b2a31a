import { KNOWN_SERVER_REWRITES } from '@tokenkit/instana';
import { formatDuration } from './duration.js';
import type { ChangeAction } from './records.js';
import type {
  Entry,
  InstanaEntry,
  LiveInstanaToken,
  LiveLosantToken,
  LiveToken,
  LosantEntry,
} from './types.js';

/** The verdict on one declared token that has exactly one live match. */
export interface Verdict {
  readonly action: ChangeAction | 'unchanged';
  readonly reasons: string[];
}

/** `+added -removed` between two name lists, in a stable order. */
function setChange(
  field: string,
  live: readonly string[],
  declared: readonly string[],
  ignore = new Set<string>(),
): string[] {
  const was = new Set(live);
  const wanted = new Set(declared);
  const added = declared.filter((name) => !was.has(name) && !ignore.has(name));
  const removed = live.filter((name) => !wanted.has(name) && !ignore.has(name));
  if (added.length === 0 && removed.length === 0) return [];
  const parts = [...added.map((name) => `+${name}`), ...removed.map((name) => `-${name}`)];
  return [`${field}: ${parts.join(' ')}`];
}

/** Why a token is due for rotation: expired, or older than `rotateAfter`. */
function rotationReasons(entry: Entry, live: LiveToken, now: Date): string[] {
  if (live.expiresAt !== undefined && live.expiresAt.getTime() <= now.getTime()) {
    return [`expired on ${live.expiresAt.toISOString()}`];
  }
  if (entry.rotateAfterMs === undefined || live.createdAt === undefined) return [];
  const age = now.getTime() - live.createdAt.getTime();
  if (age <= entry.rotateAfterMs) return [];
  return [`created ${formatAge(age)} ago, rotateAfter ${formatDuration(entry.rotateAfterMs)}`];
}

function formatAge(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  return days >= 1 ? `${days}d` : `${Math.floor(ms / 3_600_000)}h`;
}

/** The fields Losant changes in place (PATCH): description and status. */
function losantUpdates(entry: LosantEntry, live: LiveLosantToken): string[] {
  const reasons: string[] = [];
  if (entry.description !== live.description) {
    reasons.push(
      `description: ${JSON.stringify(live.description)} → ${JSON.stringify(entry.description)}`,
    );
  }
  if (entry.status !== live.status) reasons.push(`status: ${live.status} → ${entry.status}`);
  return reasons;
}

/** One declared Losant token against its live match. */
export function compareLosant(entry: LosantEntry, live: LiveLosantToken, now: Date): Verdict {
  const updates = losantUpdates(entry, live);
  // Scope is fixed at creation: a new token with the declared settings replaces the live one.
  const scope = setChange('scope', live.scope, entry.scope);
  if (scope.length > 0) return { action: 'replace', reasons: [...scope, ...updates] };
  const due = rotationReasons(entry, live, now);
  if (due.length > 0) return { action: 'rotate', reasons: [...due, ...updates] };
  if (updates.length > 0) return { action: 'update', reasons: updates };
  return { action: 'unchanged', reasons: [] };
}

/**
 * Permissions Instana is known to store differently from what was sent (derived or ignored
 * flags): comparing them would show a change that no apply can make go away.
 */
const rewritten = new Set(Object.keys(KNOWN_SERVER_REWRITES));

/** One declared Instana token against its live match. */
export function compareInstana(entry: InstanaEntry, live: LiveInstanaToken, now: Date): Verdict {
  const permissions = setChange('permissions', live.permissions, entry.permissions, rewritten);
  const due = rotationReasons(entry, live, now);
  if (due.length > 0) return { action: 'rotate', reasons: [...due, ...permissions] };
  if (permissions.length > 0) return { action: 'update', reasons: permissions };
  return { action: 'unchanged', reasons: [] };
}
