import type { Plan, PlanJson } from '@tokenkit/plan';
import { type Action, perform } from '../cli/action.js';
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

/** What `plan` takes: the shared flags and Terraform's `--detailed-exitcode`. */
export interface PlanOnlyFlags extends PlanFlags {
  detailedExitcode?: boolean | undefined;
}

/** A plan made, in both forms it is printed in. */
export interface PlanResult {
  plan: Plan;
  json: PlanJson;
  detailedExitcode: boolean;
}

/** `tokenkit plan`: sends only reads. */
export const plan: Action<PlanOnlyFlags, PlanResult, PlanJson> = {
  async run(context, flags) {
    const made = await freshPlan(context, flags).catch((error: unknown) => {
      throw flags.detailedExitcode ? detailedError(error) : error;
    });
    const { planJson } = await import('@tokenkit/plan');
    const detailedExitcode = Boolean(flags.detailedExitcode);
    return { plan: made.plan, json: planJson(made.plan), detailedExitcode };
  },
  renderHuman: (output, result) => output.printLines(planLines(output, result.plan)),
  toJson: (result) => result.json,
  exitCode: ({ plan, detailedExitcode }) =>
    detailedExitcode && plan.changes.length > 0 ? 2 : ExitCode.ok,
};

export const runPlan = (context: CommandContext, flags: PlanOnlyFlags) =>
  perform(context, plan, flags);

/** As Terraform's -detailed-exitcode: 2 means changes, so every error exits 1. */
function detailedError(error: unknown): CliError {
  const report = describeError(error);
  return new CliError(report.message, {
    exitCode: ExitCode.failure,
    ...(report.hint ? { hint: report.hint } : {}),
    cause: error,
  });
}
