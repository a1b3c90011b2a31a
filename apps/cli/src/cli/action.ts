import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { JsonShape } from '../output/json-shapes.js';
import type { Output } from '../output/output.js';
import type { CommandContext } from './context.js';

/**
 * Prints a result the way the command was asked to, and resolves once any secret in it was
 * written; rejects when stdout did not take it (a closed pipe, a full disk).
 */
export type Show<Result> = (result: Result) => Promise<void>;

/**
 * One command's work, split so that the same `run` serves people, scripts and the demo:
 * `run` talks to the API and returns a plain result, `renderHuman` prints it for a person,
 * `toJson` turns it into the command's declared `--json` shape, which `perform` prints.
 */
interface ActionSteps<Input, Result, Json extends JsonShape> {
  /**
   * Does the work. A command that makes a secret shows its result with `show` as the secret's
   * delivery (core's `createToken` deletes the token when that fails); otherwise `perform`
   * shows what `run` returns.
   */
  run(context: CommandContext, input: Input, show: Show<Result>): Promise<Result>;
  renderHuman(output: Output, result: Result, now: Date): void;
  /** The result as the command's documented `--json` document. */
  toJson(result: Result): Json;
  /** Lines for stderr beside the JSON: what a person would have read under the table. */
  jsonNotes?(result: Result): readonly string[];
  /** The exit code a result ends with. @default 0 */
  exitCode?(result: Result): number;
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

/** Runs an action and prints its result the way the command was asked to. */
export async function perform<Input, Result, Json extends JsonShape>(
  context: CommandContext,
  action: Action<Input, Result, Json>,
  input: Input,
): Promise<number> {
  let shown = false;
  const show: Show<Result> = async (result) => {
    shown = true;
    if (context.output.json) printJson(context.output, action, result);
    else action.renderHuman(context.output, result, context.now());
    await context.output.secretsWritten();
  };
  let result: Result;
  try {
    result = await action.run(context, input, show);
  } catch (error) {
    throw isTokenDeliveryError(error) ? unwritten(error) : error;
  }
  if (!shown) await show(result);
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

/** Whether `error` is core's `TokenDeliveryError` (recognised by name, as every SDK error is here). */
function isTokenDeliveryError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'TokenDeliveryError';
}

/**
 * A created token whose secret stdout did not take: core's words for what became of it (deleted,
 * or what to check), with the write's error code. Any other failed delivery keeps core's words.
 */
function unwritten(error: Error): CliError {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  const why = code === undefined ? '' : ` (cannot write the secret to stdout: ${code})`;
  return new CliError(`${error.message}${why}`, { exitCode: ExitCode.failure });
}
