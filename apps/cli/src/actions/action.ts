import type { CommandContext } from '../commands/context.js';
import type { Output } from '../output/output.js';

/**
 * One command's work, split so that the same `run` serves people, scripts and the demo:
 * `run` talks to the API and returns a plain result, `renderHuman` prints it for a person,
 * `renderJson` prints its documented JSON shape (see `json-shapes.ts`).
 */
export interface Action<Input, Result> {
  run(context: CommandContext, input: Input): Promise<Result>;
  renderHuman(output: Output, result: Result, now: Date): void;
  renderJson(output: Output, result: Result): void;
  /** The exit code a result ends with. @default 0 */
  exitCode?(result: Result): number;
}

/** Runs an action and prints its result the way the command was asked to. */
export async function perform<Input, Result>(
  context: CommandContext,
  action: Action<Input, Result>,
  input: Input,
): Promise<number> {
  const result = await action.run(context, input);
  if (context.output.json) action.renderJson(context.output, result);
  else action.renderHuman(context.output, result, context.now());
  return action.exitCode?.(result) ?? 0;
}
