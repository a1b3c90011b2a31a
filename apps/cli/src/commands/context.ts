import type { Command } from 'commander';
import { describeError, type Vendor } from '../output/describe-error.js';
import { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import type { TokenInput } from '../stdin.js';

/** What every action gets: where to print, the environment, stdin and the clock. */
export interface CommandContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  stdin: TokenInput & NodeJS.ReadableStream;
  now: () => Date;
}

/** The context for the command commander is running, from its own and the global options. */
function contextFor(command: Command): CommandContext {
  const options = command.optsWithGlobals<{ json?: boolean; color?: boolean }>();
  return {
    output: new Output({ json: Boolean(options.json), color: options.color, env: process.env }),
    env: process.env,
    stdin: process.stdin,
    now: () => new Date(),
  };
}

/** Prints an error as one line on stderr and returns the exit code it maps to. */
function reportError(output: Output, error: unknown, vendor?: Vendor): number {
  const report = describeError(error, vendor);
  const c = output.errorColor;
  // Vendor messages are server text: never let them move the cursor or recolour the terminal.
  const hint = report.hint ? ` ${c.dim('—')} ${sanitize(report.hint)}` : '';
  output.note(`${c.red(c.bold('error:'))} ${sanitize(report.message)}${hint}`);
  if (process.env.TOKENKIT_DEBUG && error instanceof Error && error.stack) {
    output.note(c.dim(error.stack));
  }
  return report.exitCode;
}

/**
 * Runs an action body with the command's context, turning whatever it throws into one line on
 * stderr and the documented exit code.
 */
export async function runAction(
  command: Command,
  vendor: Vendor | undefined,
  body: (context: CommandContext) => Promise<number | undefined>,
): Promise<void> {
  const context = contextFor(command);
  try {
    process.exitCode = (await body(context)) ?? 0;
  } catch (error) {
    process.exitCode = reportError(context.output, error, vendor);
  }
}
