import type { Plan } from '@tokenkit/plan';
import type { CommandContext } from '../cli/context.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { describeError } from '../output/describe-error.js';
import { connections } from './connect.js';
import { loadTokensFile } from './file.js';
import { planLines } from './render.js';

/** What `plan` and `apply` both take. */
export interface PlanFlags {
  file: string;
  prune?: boolean | undefined;
  concurrency?: number | undefined;
}

/** Reads the file, connects to the vendors it names and makes a fresh plan. */
export async function freshPlan(context: CommandContext, flags: PlanFlags) {
  const file = await loadTokensFile(context, flags.file);
  const { makePlan, PruneScopeError, vendorsOf } = await import('@tokenkit/plan');
  if (flags.prune && file.prune === undefined) {
    throw usageError(
      `--prune needs a prune section in ${flags.file}`,
      'it says where undeclared tokens may be deleted',
    );
  }
  const clients = await connections(context, vendorsOf(file));
  try {
    const plan = await makePlan(file, clients, {
      prune: Boolean(flags.prune),
      concurrency: flags.concurrency,
      now: context.now(),
    });
    return { plan, clients };
  } catch (error) {
    if (error instanceof PruneScopeError) throw usageError(error.message);
    throw error;
  }
}

/** Prints the plan: `--json` as documented, else as a person reads it. */
export async function printPlan(context: CommandContext, plan: Plan): Promise<void> {
  const { planJson } = await import('@tokenkit/plan');
  if (context.output.json) context.output.printJson(planJson(plan));
  else context.output.printLines(planLines(context.output, plan));
}

/** `tokenkit plan`: sends only reads. */
export async function runPlan(
  context: CommandContext,
  flags: PlanFlags & { detailedExitcode?: boolean | undefined },
): Promise<number> {
  try {
    const { plan } = await freshPlan(context, flags);
    await printPlan(context, plan);
    if (!flags.detailedExitcode) return ExitCode.ok;
    return plan.changes.length > 0 ? 2 : ExitCode.ok;
  } catch (error) {
    if (!flags.detailedExitcode) throw error;
    // As Terraform's -detailed-exitcode: 2 means changes, so every error exits 1.
    const report = describeError(error);
    throw new CliError(report.message, {
      exitCode: ExitCode.failure,
      ...(report.hint ? { hint: report.hint } : {}),
      cause: error,
    });
  }
}
