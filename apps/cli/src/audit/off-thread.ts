import { Worker } from 'node:worker_threads';
import type { CommandContext } from '../cli/context.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { Output } from '../output/output.js';
import type { AuditFormat, AuditOptions } from './options.js';

/**
 * V8's young generation of the audit's thread, in MiB (8 MiB semi-spaces). Every finding
 * survives its first scavenge, so on the main thread the young generation grows to V8's
 * maximum and a 60,000-token audit peaks near 300 MiB; V8 cannot be told otherwise at run time
 * (`--max-semi-space-size` only on node's command line), but a Worker's `resourceLimits` can.
 */
const youngGenerationMb = 24;

/** What the audit's thread needs to rebuild the command's context; structured-cloneable. */
export interface AuditWorkerData {
  options: AuditOptions;
  format: AuditFormat;
  env: NodeJS.ProcessEnv;
  http: CommandContext['http'];
  credentials: CommandContext['credentials'];
  json: boolean;
  /** `false` when the command's output has no colour on either stream (`--no-color`, `NO_COLOR`). */
  color: false | undefined;
  stdout: { isTTY: boolean | undefined; columns: number | undefined };
  stderr: { isTTY: boolean | undefined; columns: number | undefined };
}

/** The terminal's width, sent to the audit's thread whenever it changes. */
export interface TerminalColumns {
  stdout: number | undefined;
  stderr: number | undefined;
}

/** What the audit's thread tells the command's: text to write, then how the audit ended. */
export type AuditWorkerMessage =
  | { kind: 'write'; stream: 'stdout' | 'stderr'; text: string }
  | { kind: 'done'; exitCode: number }
  | {
      kind: 'failed';
      message: string;
      hint: string | undefined;
      exitCode: ExitCode;
      stack?: string;
    };

/**
 * Whether the audit may run on its own thread: only when it writes to the process's own
 * streams (the demo nests a command's output in its own, and keeps it on its thread).
 */
export function canAuditOffThread(context: CommandContext): boolean {
  return (context.output.streams as unknown) === process;
}

/** Whether either stream is coloured: a palette that is off returns its text unchanged. */
function colorOf(output: Output): false | undefined {
  const coloured = output.color.bold('x') !== 'x' || output.errorColor.bold('x') !== 'x';
  return coloured ? undefined : false;
}

function workerData(
  context: CommandContext,
  options: AuditOptions,
  format: AuditFormat,
): AuditWorkerData {
  const { output, env, http, credentials } = context;
  const { stdout, stderr } = output.streams;
  return {
    options,
    format,
    env,
    http,
    credentials,
    json: output.json,
    color: colorOf(output),
    stdout: { isTTY: stdout.isTTY, columns: stdout.columns },
    stderr: { isTTY: stderr.isTTY, columns: stderr.columns },
  };
}

/** The error the thread described, rebuilt so it renders as the thrown one would have. */
function failure(message: Extract<AuditWorkerMessage, { kind: 'failed' }>): CliError {
  const error = new CliError(message.message, {
    exitCode: message.exitCode,
    ...(message.hint === undefined ? {} : { hint: message.hint }),
  });
  if (message.stack !== undefined) error.stack = message.stack;
  return error;
}

/**
 * Runs the audit (walk, report, output) in a Worker with a small young generation, writing
 * what it prints to this process's stdout and stderr in order, and resolves its exit code or
 * rejects with its error, described as it would have been here. Settles once the thread has
 * ended, so nothing it wrote is still on the way.
 */
export function auditOffThread(
  context: CommandContext,
  options: AuditOptions,
  format: AuditFormat,
): Promise<number> {
  // A variable, not a literal, so the bundler leaves the path alone: both files are in dist/.
  const entry = 'audit-worker.js';
  const worker = new Worker(new URL(entry, import.meta.url), {
    workerData: workerData(context, options, format),
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
  });
  // The report fits the terminal as it is when printed, as it would on this thread.
  const resized = () =>
    worker.postMessage({
      stdout: process.stdout.columns,
      stderr: process.stderr.columns,
    } satisfies TerminalColumns);
  const terminals = [process.stdout, process.stderr].filter((stream) => stream.isTTY);
  for (const stream of terminals) stream.on('resize', resized);
  let outcome: { exitCode: number } | { error: unknown } | undefined;
  worker.on('message', (message: AuditWorkerMessage) => {
    if (message.kind === 'write') process[message.stream].write(message.text);
    else if (message.kind === 'done') outcome = { exitCode: message.exitCode };
    else outcome = { error: failure(message) };
  });
  // An exception nothing caught in the thread, or its heap exhausted.
  worker.once('error', (error) => {
    outcome ??= { error };
  });
  return new Promise((resolve, reject) => {
    worker.once('exit', (code) => {
      for (const stream of terminals) stream.off('resize', resized);
      if (outcome === undefined) {
        reject(
          new CliError(`the audit stopped before it finished (exit ${code})`, {
            exitCode: ExitCode.failure,
          }),
        );
      } else if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.exitCode);
    });
  });
}
