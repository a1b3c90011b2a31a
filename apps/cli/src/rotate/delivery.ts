import { fstatSync, statSync } from 'node:fs';
import {
  commandEnvironment,
  DeliveryError,
  interrupted,
  pipeSecretTo,
  prepareSecretFile,
  writeSecretFile,
} from '@tokenkit/plan/deliver';
import { durationOption } from '../duration.js';
import { usageError } from '../errors.js';
import { humanDuration } from '../output/human-duration.js';
import type { Output } from '../output/output.js';

/** The replacement an `--exec` command is told about (`TOKENKIT_TOKEN_ID`, `_NAME`). */
export interface ReplacementInfo {
  id: string;
  name: string;
}

/** `--exec-timeout`'s default: two minutes. */
const defaultExecTimeoutMs = 120_000;

/** Where a rotated token's secret goes: `--out FILE`, `--exec CMD`, or stdout. */
export type Delivery =
  | { kind: 'file'; path: string; force: boolean }
  | { kind: 'command'; command: string; timeoutMs: number }
  | { kind: 'stdout' };

/** Reads the delivery options; a contradiction is a usage error (exit 2), before anything runs. */
export function deliveryFrom(options: {
  out?: string | undefined;
  exec?: string | undefined;
  execTimeout?: string | undefined;
  force?: boolean | undefined;
}): Delivery {
  const { out, exec, execTimeout, force } = options;
  if (out !== undefined && exec !== undefined) {
    throw usageError('--out and --exec cannot be combined', 'deliver the secret one way');
  }
  if (force && out === undefined) throw usageError('--force only applies to --out');
  if (execTimeout !== undefined && exec === undefined) {
    throw usageError('--exec-timeout only applies to --exec');
  }
  if (out !== undefined) {
    if (out.trim() === '') throw usageError('--out needs a file name');
    return { kind: 'file', path: out, force: Boolean(force) };
  }
  if (exec !== undefined) {
    if (exec.trim() === '') throw usageError('--exec needs a command');
    const timeoutMs =
      execTimeout === undefined
        ? defaultExecTimeoutMs
        : durationOption('--exec-timeout', execTimeout);
    return { kind: 'command', command: exec, timeoutMs };
  }
  return { kind: 'stdout' };
}

/** Whether a file descriptor is /dev/null (where Node points a stdout that was closed). */
function isDevNull(fd: number): boolean {
  const stats = fstatSync(fd);
  return stats.isCharacterDevice() && stats.rdev === statSync('/dev/null').rdev;
}

/** The CLI's words for each problem `prepareSecretFile` finds with an `--out` path. */
const outFileHints = {
  'missing-folder': 'create it first',
  'not-a-folder': undefined,
  'is-a-folder': 'name the file to write the secret to',
  exists: 'pass --force to replace it',
} as const;

/**
 * Refuses, before a replacement is created, an `--out` path whose folder is missing (or not a
 * folder), a path that is a folder, and an existing file (a symlink included) without
 * `--force`: a usage error. The write itself re-checks what matters without a race.
 */
async function precheckOutFile(path: string, force: boolean): Promise<void> {
  try {
    await prepareSecretFile(path, { name: `--out ${path}`, replace: force });
  } catch (error) {
    if (!(error instanceof DeliveryError) || error.problem === undefined) throw error;
    throw usageError(error.message, outFileHints[error.problem]);
  }
}

/**
 * Refuses, before a replacement is created, a delivery that cannot work: an `--out` path that
 * is not usable (see `precheckOutFile`), or a stdout that was closed or is /dev/null, where the
 * secret would be printed to nobody.
 */
export async function precheckDelivery(delivery: Delivery, output: Output): Promise<void> {
  if (delivery.kind === 'file') await precheckOutFile(delivery.path, delivery.force);
  const { fd } = output.streams.stdout;
  if (delivery.kind === 'stdout' && fd !== undefined && isDevNull(fd)) {
    throw usageError(
      'stdout is closed or /dev/null: the new secret would be printed to nobody',
      'deliver it with --out FILE or --exec COMMAND',
    );
  }
}

/** What a delivery needs besides the secret. */
export interface Handoff {
  output: Output;
  /** tokenkit's environment, from which the `--exec` command's is made. */
  env: NodeJS.ProcessEnv;
  /** Aborted by a signal: a delivery not yet complete fails. */
  signal: AbortSignal;
  replacement: ReplacementInfo;
  /** The text that shows the secret on stdout (a line, or the start of the JSON result). */
  stdoutText: string;
}

/**
 * Hands the secret to a file, a command or stdout, and resolves only once it is there: a write
 * that fails, a command that fails or hangs past `--exec-timeout`, or a signal rejects with a
 * {@link DeliveryError}, so the rotation deletes the replacement and keeps the old token.
 */
export async function deliverSecret(
  delivery: Delivery,
  secret: string,
  handoff: Handoff,
): Promise<void> {
  const { output, signal } = handoff;
  if (signal.aborted) throw interrupted(signal);
  if (delivery.kind === 'file') {
    await writeSecretFile(delivery.path, secret, {
      name: `--out ${delivery.path}`,
      replace: delivery.force,
      existsHint: 'pass --force to replace it',
      signal,
    });
  } else if (delivery.kind === 'command') {
    const { replacement } = handoff;
    await pipeSecretTo(delivery.command, secret, {
      name: 'the --exec command',
      env: commandEnvironment(handoff.env, {
        holdsSecret: (value) => output.holdsSecret(value),
        add: { TOKENKIT_TOKEN_ID: replacement.id, TOKENKIT_TOKEN_NAME: replacement.name },
      }),
      sink: (text) => output.noteRaw(text),
      signal,
      timeoutMs: delivery.timeoutMs,
      timeoutText: `${humanDuration(delivery.timeoutMs)} (--exec-timeout)`,
    });
  } else {
    await output.deliver(handoff.stdoutText).catch((error: NodeJS.ErrnoException) => {
      throw new DeliveryError(`cannot write the secret to stdout: ${error.code ?? error.message}`);
    });
  }
}
