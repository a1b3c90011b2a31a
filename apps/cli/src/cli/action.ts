import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { JsonShape } from '../output/json-shapes.js';
import type { Output } from '../output/output.js';
import type { CommandContext } from './context.js';

/**
 * One command's work, split so that the same `run` serves people, scripts and the demo:
 * `run` talks to the API and returns a plain result, `renderHuman` prints it for a person,
 * `toJson` turns it into the command's declared `--json` shape, which `perform` prints.
 */
interface ActionSteps<Input, Result, Json extends JsonShape> {
  run(context: CommandContext, input: Input): Promise<Result>;
  renderHuman(output: Output, result: Result, now: Date): void;
  /** The result as the command's documented `--json` document. */
  toJson(result: Result): Json;
  /** Lines for stderr beside the JSON: what a person would have read under the table. */
  jsonNotes?(result: Result): readonly string[];
  /** The exit code a result ends with. @default 0 */
  exitCode?(result: Result): number;
  /**
   * Undoes `run` when the secret it made could not be written (a created token whose secret
   * nobody holds is deleted); returns what it did, for the error line.
   */
  undo?(result: Result): Promise<string>;
}

/**
 * A shape with a `token` holds a new secret: its action says so, and `perform` prints it
 * through the one write that shows a secret (and confirms it was written). Any other shape
 * cannot claim it.
 */
type SecretJson<Json> = [Json] extends [{ token: string }]
  ? { jsonHoldsSecret: true }
  : { jsonHoldsSecret?: never };

/** A command: its steps, and whether its JSON holds a new secret (see {@link SecretJson}). */
export type Action<Input, Result, Json extends JsonShape> = ActionSteps<Input, Result, Json> &
  SecretJson<Json>;

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
export async function perform<Input, Result, Json extends JsonShape>(
  context: CommandContext,
  action: Action<Input, Result, Json>,
  input: Input,
): Promise<number> {
  const result = await action.run(context, input);
  if (context.output.json) printJson(context.output, action, result);
  else action.renderHuman(context.output, result, context.now());
  try {
    await context.output.secretsWritten();
  } catch (error) {
    throw await undoUnwritten(action, result, error);
  }
  return action.exitCode?.(result) ?? 0;
}

/** Prints the result's JSON, then its notes on stderr. */
function printJson<Input, Result, Json extends JsonShape>(
  output: Output,
  action: Action<Input, Result, Json>,
  result: Result,
): void {
  const json = action.toJson(result);
  // `jsonHoldsSecret` is only declared for a shape with a `token` (see SecretJson).
  if (action.jsonHoldsSecret) output.printJsonWithSecret(json as Json & { token: string });
  else output.printJson(json);
  for (const note of action.jsonNotes?.(result) ?? []) output.note(note);
}

/** The error for a secret stdout did not take, after `undo` removed what held it. */
async function undoUnwritten<Input, Result, Json extends JsonShape>(
  action: Action<Input, Result, Json>,
  result: Result,
  error: unknown,
): Promise<CliError> {
  const why = (error as NodeJS.ErrnoException).code ?? String(error);
  const done = action.undo ? await action.undo(result) : 'nothing was undone';
  return new CliError(`the new secret could not be written to stdout (${why}): ${done}`, {
    exitCode: ExitCode.failure,
  });
}
