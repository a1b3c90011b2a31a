import type { AppliedRecord, FailedRecord } from '@tokenkit/plan';
import { ask, destructiveMode } from '../cli/confirm.js';
import type { CommandContext } from '../cli/context.js';
import { ExitCode } from '../exit-codes.js';
import { sanitize } from '../output/sanitize.js';
import type { ApplyRecordJson } from './json-shapes.js';
import { changeLines, planLines } from './render.js';
import { freshPlan, type PlanFlags } from './run-plan.js';

/** A change record as `--json` prints it: without the internal `outcome` tag. */
function jsonRecord({
  outcome: _outcome,
  ...record
}: AppliedRecord | FailedRecord): ApplyRecordJson {
  return record;
}

function outcomeLine(context: CommandContext, outcome: AppliedRecord | FailedRecord): string[] {
  const c = context.output.color;
  const [head = ''] = changeLines(context.output, { ...outcome, reasons: [] });
  if (outcome.outcome === 'applied') return [`${c.green('✓')} ${head}`];
  return [`${c.red('✗')} ${head}`, c.red(`        ${sanitize(outcome.error)}`)];
}

/**
 * `tokenkit apply`: a fresh plan, shown, confirmed (at a terminal; `--yes` otherwise), then
 * carried out entry by entry. Exits 1 when any change failed; a re-run converges.
 */
export async function runApply(
  context: CommandContext,
  flags: PlanFlags & { yes?: boolean | undefined },
): Promise<number> {
  const { output } = context;
  // Decided before the file is read or a request sent: no terminal and no --yes is exit 2.
  const mode = destructiveMode(context, flags.yes, 'apply changes');
  const { plan, clients } = await freshPlan(context, flags);
  if (!output.json) output.printLines(planLines(output, plan));
  if (plan.changes.length === 0) {
    if (output.json) output.printJson({ applied: [], failed: [] });
    return ExitCode.ok;
  }
  if (mode === 'ask' && !(await ask(context, `\nApply these ${plan.changes.length} changes?`))) {
    output.note('Cancelled: nothing was changed.');
    return ExitCode.cancelled;
  }
  const { applyPlan } = await import('@tokenkit/plan');
  const result = await applyPlan(plan, clients, {
    concurrency: flags.concurrency,
    now: context.now,
    commandOutput: (line) => output.note(output.errorColor.dim(sanitize(line))),
    onOutcome: (outcome) => {
      if (!output.json) output.printLines(outcomeLine(context, outcome));
    },
  });
  if (output.json) {
    output.printJson({
      applied: result.applied.map(jsonRecord),
      failed: result.failed.map(jsonRecord),
    });
  } else {
    const c = output.color;
    const failed =
      result.failed.length === 0
        ? ''
        : c.red(`, ${result.failed.length} failed (run apply again once fixed)`);
    output.print(`\n${c.bold(`Apply complete: ${result.applied.length} applied`)}${failed}.`);
  }
  return result.failed.length > 0 ? ExitCode.failure : ExitCode.ok;
}
