import { createInterface } from 'node:readline/promises';
import { usageError } from '../errors.js';
import type { CommandContext } from './context.js';

/** What to do before a destructive step. */
export type ConfirmationMode = 'skip' | 'ask' | 'refuse';

/**
 * `--yes` skips the question; a person at a terminal is asked; anything else (a script, a CI
 * job, a pipe) is refused, so nothing is ever deleted by accident.
 */
export function confirmationMode(options: {
  yes: boolean;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
}): ConfirmationMode {
  if (options.yes) return 'skip';
  return options.stdinIsTTY && options.stderrIsTTY ? 'ask' : 'refuse';
}

/** Whether an answer to a [y/N] question means yes. Anything unclear means no. */
export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}

/**
 * Decides up front, before credentials are read or a request is sent, whether a destructive
 * command may run; throws a usage error (exit 2) when nobody can confirm it.
 */
export function destructiveMode(
  context: CommandContext,
  yes: boolean | undefined,
  action: string,
): ConfirmationMode {
  const mode = confirmationMode({
    yes: Boolean(yes),
    stdinIsTTY: Boolean(context.stdin.isTTY),
    stderrIsTTY: context.output.interactiveStderr,
  });
  if (mode === 'refuse') {
    throw usageError(
      `refusing to ${action} without confirmation: not an interactive terminal`,
      'pass --yes to confirm in a script',
    );
  }
  return mode;
}

/**
 * Asks a [y/N] question on stderr and reads the answer from stdin. Ctrl-C or Ctrl-D count as
 * "no" (readline would otherwise just pause and leave the question hanging).
 */
export async function ask(context: CommandContext, question: string): Promise<boolean> {
  const prompt = createInterface({ input: context.stdin, output: process.stderr });
  const cancelled = new AbortController();
  prompt.on('SIGINT', () => cancelled.abort());
  prompt.on('close', () => cancelled.abort());
  try {
    return isYes(await prompt.question(`${question} [y/N] `, { signal: cancelled.signal }));
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
    process.stderr.write('\n');
    return false;
  } finally {
    prompt.close();
  }
}
