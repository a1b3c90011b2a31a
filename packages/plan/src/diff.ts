import { globPattern } from '@tokenkit/schemas/instana';
import {
  type Authenticating,
  instanaAuthenticating,
  losantAuthenticating,
} from './authenticating.js';
import { compareInstana, compareLosant } from './compare.js';
import { ownerKey } from './owner.js';
import type { PlannedChange, TokenRecord } from './records.js';
import type { Entry, LiveInstanaToken, LiveLosantToken, LiveToken, TokensFile } from './types.js';

/** The live tokens a plan compares against. */
export interface LiveState {
  /** Keyed by owner (see `ownerKey`). */
  readonly losant: ReadonlyMap<string, readonly LiveLosantToken[]>;
  readonly instana: readonly LiveInstanaToken[];
}

/** The plan's settings for one run. */
export interface DiffSettings {
  readonly prune: boolean;
  readonly now: Date;
  /** The credentials tokenkit authenticates with, to never delete them. */
  readonly losantCredential?: string | undefined;
  readonly instanaCredential?: string | undefined;
}

/** Collects the verdicts of a plan. */
export class Verdicts {
  readonly changes: PlannedChange[] = [];
  readonly unchanged: TokenRecord<'unchanged'>[] = [];
  readonly unmanaged: TokenRecord<'unmanaged'>[] = [];
  readonly conflicts: TokenRecord<'conflict'>[] = [];
  readonly notes = new Set<string>();
}

function ownerOf(token: LiveToken | Entry): string {
  return token.vendor === 'instana' ? 'tenant' : ownerKey(token.owner);
}

function record<A extends TokenRecord['action']>(
  action: A,
  token: LiveToken | Entry,
  id: string | null,
  reasons: readonly string[],
): TokenRecord<A> {
  return { action, vendor: token.vendor, owner: ownerOf(token), name: token.name, id, reasons };
}

/** The verdict on one declared token, from the live tokens of its owner. */
function judge(
  entry: Entry,
  candidates: readonly LiveToken[],
  now: Date,
  verdicts: Verdicts,
): void {
  const matches = candidates.filter((token) => token.name === entry.name);
  if (matches.length > 1) {
    const ids = matches.map((token) => token.id).join(', ');
    verdicts.conflicts.push(
      record('conflict', entry, null, [
        `${matches.length} live tokens have this name: ${ids}; apply leaves it alone`,
      ]),
    );
    return;
  }
  const live = matches[0];
  const missingDelivery =
    entry.deliver === undefined ? ['no deliver target: fill in deliver before apply'] : [];
  if (live === undefined) {
    const reasons = ['no live token of that name', ...missingDelivery];
    verdicts.changes.push({
      record: record('create', entry, null, reasons),
      entry,
      live: undefined,
    });
    return;
  }
  const verdict =
    entry.vendor === 'losant'
      ? compareLosant(entry, live as LiveLosantToken, now)
      : compareInstana(entry, live as LiveInstanaToken, now);
  if (verdict.action === 'unchanged') {
    verdicts.unchanged.push(record('unchanged', entry, live.id, []));
    return;
  }
  const needsSecret = verdict.action === 'rotate' || verdict.action === 'replace';
  const reasons = [...verdict.reasons, ...(needsSecret ? missingDelivery : [])];
  verdicts.changes.push({ record: record(verdict.action, entry, live.id, reasons), entry, live });
}

/** Whether `--prune` may delete this undeclared token, and why not when it may not. */
function prunable(token: LiveToken, file: TokensFile, settings: DiffSettings): boolean {
  if (!settings.prune || file.prune === undefined) return false;
  if (token.vendor === 'instana')
    return file.prune.instana.some((glob) => globPattern(glob).test(token.name));
  const key = ownerKey(token.owner);
  return file.prune.losant.some((owner) => ownerKey(owner) === key);
}

function authenticating(token: LiveToken, settings: DiffSettings): Authenticating {
  return token.vendor === 'losant'
    ? losantAuthenticating(token, settings.losantCredential)
    : instanaAuthenticating(token, settings.instanaCredential);
}

/** An undeclared live token: unmanaged, or deleted by `--prune` inside the prune scopes. */
function undeclared(
  token: LiveToken,
  file: TokensFile,
  settings: DiffSettings,
  verdicts: Verdicts,
): void {
  if (!prunable(token, file, settings)) {
    verdicts.unmanaged.push(record('unmanaged', token, token.id, ['not in the tokens file']));
    return;
  }
  const who = authenticating(token, settings);
  if (who === 'yes') {
    const reasons = ['tokenkit authenticates with this token: never deleted'];
    verdicts.unmanaged.push(record('unmanaged', token, token.id, reasons));
    return;
  }
  const reasons = ['not in the tokens file, inside the prune scope'];
  if (who === 'unknown') {
    reasons.push('cannot tell whether tokenkit authenticates with this token');
    verdicts.notes.add(
      `cannot tell which ${token.vendor === 'losant' ? 'Losant' : 'Instana'} token tokenkit authenticates with: check the deletes`,
    );
  }
  verdicts.changes.push({
    record: record('delete', token, token.id, reasons),
    entry: undefined,
    live: token,
  });
}

/**
 * Compares the declared tokens with the live ones: one verdict per declared token, and one per
 * undeclared live token of the owners read.
 */
export function diff(file: TokensFile, live: LiveState, settings: DiffSettings): Verdicts {
  const verdicts = new Verdicts();
  for (const entry of file.losant) {
    judge(entry, live.losant.get(ownerKey(entry.owner)) ?? [], settings.now, verdicts);
  }
  for (const entry of file.instana) judge(entry, live.instana, settings.now, verdicts);
  const declared = new Set(
    [...file.losant, ...file.instana].map((entry) => `${ownerOf(entry)}/${entry.name}`),
  );
  const all: LiveToken[] = [...[...live.losant.values()].flat(), ...live.instana];
  for (const token of all) {
    if (!declared.has(`${ownerOf(token)}/${token.name}`))
      undeclared(token, file, settings, verdicts);
  }
  return verdicts;
}
