import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { Output } from '../output/output.js';
import type { CommandContext } from './context.js';

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
  /**
   * Undoes `run` when the secret it made could not be written (a created token whose secret
   * nobody holds is deleted); returns what it did, for the error line.
   */
  undo?(result: Result): Promise<string>;
}

/**
 * Deletes a token whose secret nobody holds, and says what happened in words for the error line.
 */
export async function discardToken(id: string, remove: () => Promise<unknown>): Promise<string> {
  try {
    await remove();
    return `the token ${id} was deleted`;
  } catch {
    return `deleting the token ${id} failed too: delete it`;
  }
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
  try {
    await context.output.secretsWritten();
  } catch (error) {
    throw await undoUnwritten(action, result, error);
  }
  return action.exitCode?.(result) ?? 0;
}

/** The error for a secret stdout did not take, after `undo` removed what held it. */
async function undoUnwritten<Input, Result>(
  action: Action<Input, Result>,
  result: Result,
  error: unknown,
): Promise<CliError> {
  const why = (error as NodeJS.ErrnoException).code ?? String(error);
  const done = action.undo ? await action.undo(result) : 'nothing was undone';
  return new CliError(`the new secret could not be written to stdout (${why}): ${done}`, {
    exitCode: ExitCode.failure,
  });
}
