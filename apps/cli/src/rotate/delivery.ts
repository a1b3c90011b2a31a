import { spawn } from 'node:child_process';
import { access, open } from 'node:fs/promises';
import { usageError } from '../errors.js';

/** Where a rotated token's secret goes: `--out FILE`, `--exec CMD`, or stdout. */
export type Delivery =
  | { kind: 'file'; path: string; force: boolean }
  | { kind: 'command'; command: string }
  | { kind: 'stdout' };

/** Reads the delivery options; a contradiction is a usage error (exit 2), before anything runs. */
export function deliveryFrom(options: {
  out?: string | undefined;
  exec?: string | undefined;
  force?: boolean | undefined;
}): Delivery {
  const { out, exec, force } = options;
  if (out !== undefined && exec !== undefined) {
    throw usageError('--out and --exec cannot be combined', 'deliver the secret one way');
  }
  if (force && out === undefined) throw usageError('--force only applies to --out');
  if (out !== undefined) {
    if (out.trim() === '') throw usageError('--out needs a file name');
    return { kind: 'file', path: out, force: Boolean(force) };
  }
  if (exec !== undefined) {
    if (exec.trim() === '') throw usageError('--exec needs a command');
    return { kind: 'command', command: exec };
  }
  return { kind: 'stdout' };
}

/**
 * Refuses, before a replacement is created, an `--out` file that already exists (without
 * `--force`). Only a courtesy: the file is opened with `wx` at delivery, which is what makes the
 * check race-free.
 */
export async function precheckDelivery(delivery: Delivery): Promise<void> {
  if (delivery.kind !== 'file' || delivery.force) return;
  const exists = await access(delivery.path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw usageError(`--out ${delivery.path} already exists`, 'pass --force to overwrite it');
  }
}

/** Creates the file with mode 0600 (`wx`: never over an existing file unless `--force`). */
async function writeSecretFile(path: string, force: boolean, secret: string): Promise<void> {
  const file = await open(path, force ? 'w' : 'wx', 0o600);
  try {
    // An existing file keeps its mode on open; --force must not leave the secret world-readable.
    await file.chmod(0o600);
    await file.writeFile(`${secret}\n`);
  } finally {
    await file.close();
  }
}

/**
 * Runs `command` through the shell with the secret on its stdin only: not in its arguments,
 * not in its environment. Its own output goes to stderr, so tokenkit's stdout stays parseable.
 * A non-zero exit (or a signal) fails the delivery.
 */
function pipeSecretTo(command: string, secret: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 2, 2] });
    const stdin = child.stdin as NonNullable<typeof child.stdin>;
    // A command that exits without reading stdin closes the pipe: its exit code decides.
    stdin.on('error', () => undefined);
    child.on('error', (error) =>
      reject(new DeliveryError(`--exec could not start: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new DeliveryError(`the --exec command ${how}`));
    });
    stdin.end(`${secret}\n`);
  });
}

/** Why a delivery failed, in words that never hold the secret. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

function describeFileError(path: string, error: unknown): DeliveryError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'EEXIST' ? 'it already exists (pass --force to overwrite it)' : code;
  return new DeliveryError(`cannot write --out ${path}: ${why}`);
}

/**
 * Hands the secret to a file or a command. For `stdout` it does nothing: the caller prints the
 * secret once with the result.
 */
export async function deliverSecret(delivery: Delivery, secret: string): Promise<void> {
  if (delivery.kind === 'file') {
    try {
      await writeSecretFile(delivery.path, delivery.force, secret);
    } catch (error) {
      throw describeFileError(delivery.path, error);
    }
  } else if (delivery.kind === 'command') {
    await pipeSecretTo(delivery.command, secret);
  }
}
