import type { Output } from '../output/output.js';
import { createProgress } from '../output/progress.js';
import type { RequestGate } from './gate.js';
import { ownerLabel, plural } from './labels.js';
import { ownerFields } from './owner-json.js';
import type { OwnerResult, WalkTally } from './walk.js';

/** How often the progress line is redrawn. */
const redrawMs = 100;

/** "auditing 12 of 201 owners · 3600 tokens · 45 findings · rate-limited: waiting 2 s". */
export function progressText(tally: WalkTally, waitMs: number): string {
  const wait = waitMs > 0 ? ` · rate-limited: waiting ${Math.ceil(waitMs / 1000)} s` : '';
  return (
    `auditing ${tally.ownersDone} of ${plural(tally.ownersTotal, 'owner')} · ` +
    `${plural(tally.tokens, 'token')} read · ${plural(tally.findings, 'finding')}${wait}`
  );
}

/**
 * What the person sees while the walk runs, all on stderr: on a terminal, one line redrawn in
 * place; with `--verbose`, a line per owner as it finishes (in a CI log too). Otherwise nothing.
 */
export function watchWalk(
  output: Output,
  tally: WalkTally,
  gate: RequestGate,
  verbose: boolean,
): { ownerDone(result: OwnerResult): void; stop(): void } {
  const progress = createProgress(output);
  const timer = output.interactiveStderr
    ? setInterval(() => progress.update(progressText(tally, gate.waitMs())), redrawMs)
    : undefined;
  return {
    ownerDone(result) {
      if (!verbose) return;
      const { vendor, owner } = ownerFields(result.facts);
      const outcome =
        result.error === undefined
          ? `${plural(result.tokens, 'token')}, ${plural(result.findings, 'finding')}`
          : 'could not be audited';
      progress.done();
      output.note(output.errorColor.dim(`${ownerLabel(vendor, owner)}: ${outcome}`));
    },
    stop() {
      clearInterval(timer);
      progress.done();
    },
  };
}
