import type { Output } from '../output/output.js';
import { jsonSafe, sanitize } from '../output/sanitize.js';
import type { Delivery } from './delivery.js';
import type { JsonAfterSecret, RotatedJson } from './json-shapes.js';
import { describeOverrides, type Overrides } from './overrides.js';
import type { Interruption } from './signals.js';

/** What became of the old token, as `--json` reports it. */
export type Revoked = RotatedJson['revoked'];

/**
 * The text that delivers the secret on stdout: the "shown once" line, or with `--json` the
 * start of the result object (`{ "token": …,`), whose other fields {@link jsonRest} writes once
 * the rotation has finished, so the result is one JSON document either way.
 */
export function stdoutSecretText(output: Output, secret: string): string {
  if (!output.json) return output.secretLine('Token', secret);
  return `{\n  "token": ${jsonSafe(JSON.stringify(secret))},\n`;
}

/** The rest of a `--json` result whose start {@link stdoutSecretText} wrote. */
export function printJsonRest(output: Output, rest: JsonAfterSecret): void {
  const text = jsonSafe(JSON.stringify(JSON.parse(output.redact(JSON.stringify(rest))), null, 2));
  output.print(text.slice(2)); // without its opening "{\n"
}

function revokedLine(revoked: Revoked): string {
  return { deleted: 'deleted', deactivated: 'deactivated (inactive)', kept: 'kept (still works)' }[
    revoked
  ];
}

function deliveredLine(delivery: Delivery): string {
  if (delivery.kind === 'file') return `written to ${delivery.path} (mode 0600)`;
  if (delivery.kind === 'command') return 'sent to the --exec command on its stdin';
  return 'printed above, once';
}

/** What the summary says besides the result: the ids, the delivery, the overrides given. */
export interface RotatedDetails {
  ids: { old: string; new: string };
  delivery: Delivery;
  overrides: Overrides;
}

/** A finished rotation, summed up for people or as the `--json` result. */
export function printRotated(
  output: Output,
  label: string,
  summary: RotatedJson,
  { ids, delivery, overrides }: RotatedDetails,
): void {
  if (output.json) {
    if (summary.delivered === 'stdout') printJsonRest(output, { ...summary });
    else output.printJson(summary);
    return;
  }
  const name = sanitize(String(summary.new.name ?? ''));
  output.print(
    `${output.color.green('✓')} Rotated ${label} ${output.color.bold(`"${name}"`)}: ${sanitize(ids.old)} → ${sanitize(ids.new)}`,
  );
  output.print(`  kept:       ${summary.kept.join(', ') || 'nothing'}`);
  const set = describeOverrides(overrides);
  if (set.length > 0) output.print(`  set:        ${sanitize(set.join(', '))}`);
  output.print(`  new secret: ${deliveredLine(delivery)}`);
  output.print(`  old token:  ${revokedLine(summary.revoked)}`);
}

/** The fields of a `RotationError` (recognised by name, as every SDK error is here). */
export interface RotationFailure {
  step: string;
  oldTokenId: string;
  replacementId?: string | undefined;
  replacement: 'none' | 'deleted' | 'kept' | 'unknown';
  old: string;
  cause?: unknown;
}

/** Whether `error` is a `RotationError`. */
export function isRotationFailure(error: unknown): error is RotationFailure & Error {
  return error instanceof Error && error.name === 'RotationError';
}

/** The steps after the secret was delivered: a replacement kept then holds a delivered secret. */
const afterDelivery = new Set(['verify', 'revoke']);

/** What a stopped rotation left behind, from the error's fields: never from its wording. */
export function leftBehind(failure: RotationFailure): string {
  const id = sanitize(failure.replacementId ?? '');
  const candidates = (failure.cause as { candidateIds?: unknown } | undefined)?.candidateIds;
  const check =
    Array.isArray(candidates) && candidates.length > 0
      ? sanitize(candidates.join(', '))
      : 'the tokens created just now';
  const kept = afterDelivery.has(failure.step)
    ? `the replacement ${id} (its secret delivered) works`
    : `the replacement ${id} still exists and works: delete it`;
  const replacement = {
    none: 'no replacement was created',
    deleted: `the replacement ${id} was deleted`,
    kept,
    unknown: id
      ? `the replacement ${id} may still exist: check it, and delete it if so`
      : `a replacement may have been created: check ${check}`,
  }[failure.replacement];
  const old = sanitize(failure.oldTokenId);
  const oldState =
    failure.old === 'unknown'
      ? `the old token ${old} may have been revoked: check it`
      : `the old token ${old} is ${failure.old}`;
  return `${replacement}; ${oldState}`;
}

/** The one line a signal ends a rotation with. */
export function interruptedLine(interruption: Interruption, what: string): string {
  return `interrupted by ${interruption}: ${what}`;
}
