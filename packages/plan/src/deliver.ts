import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeliveryTarget } from './types.js';

/** How deliveries run. */
export interface DeliveryOptions {
  /** Receives an `exec` command's output, whole lines at a time. @default discarded */
  readonly commandOutput?: ((line: string) => void) | undefined;
  /** How long an `exec` command may run before it is killed. @default 300000 (5 minutes) */
  readonly execTimeoutMs?: number | undefined;
  /** The environment `exec` commands run in. @default process.env without the vendors' credentials */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** Why a delivery failed, in words that never hold the secret. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Credentials an `exec` command never inherits. */
const credentialVariables = ['LOSANT_ACCESS_TOKEN', 'INSTANA_API_TOKEN'];

/** Creates an `out` file's missing folders (mode 0700) before any token is made for it. */
export async function prepareDelivery(target: DeliveryTarget): Promise<void> {
  if (!('out' in target)) return;
  try {
    await mkdir(dirname(target.out), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DeliveryError(`cannot create the folder of ${target.out}: ${code(error)}`);
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Writes the secret to a new file (mode 0600) beside `path`, then renames it over `path`: a
 * reader sees the old secret or the new one, never half of one, and a symlink at `path` is
 * replaced, not written through.
 */
async function writeSecretFile(path: string, secret: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(`${secret}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new DeliveryError(`cannot write ${path}: ${code(error)}`);
  }
}

/** Ends a process group that may have ended already. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Gone already.
  }
}

function commandEnv(options: DeliveryOptions): NodeJS.ProcessEnv {
  const env = { ...(options.env ?? process.env) };
  for (const name of credentialVariables) delete env[name];
  return env;
}

/**
 * Runs `command` through `sh -c` in `cwd` with the secret on its stdin only: not in its
 * arguments, not in its environment. A non-zero exit, a signal or the timeout fails it.
 */
function pipeSecretTo(
  command: string,
  cwd: string,
  secret: string,
  options: DeliveryOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends the shell and whatever it started.
    const child = spawn(command, {
      shell: true,
      cwd,
      env: commandEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let partial = '';
    const forward = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.commandOutput?.(line);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => killGroup(child.pid), options.execTimeoutMs ?? 300_000);
    child.on('error', (error) =>
      reject(new DeliveryError(`exec could not start: ${error.message}`)),
    );
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (partial !== '') options.commandOutput?.(partial);
      if (exitCode === 0) return resolve();
      reject(
        new DeliveryError(
          `exec ${JSON.stringify(command)} ${signal ? `was killed by ${signal}` : `exited with code ${exitCode}`}`,
        ),
      );
    });
    child.stdin.end(`${secret}\n`);
  });
}

/** Hands a secret to where the tokens file says it goes. */
export async function deliver(
  target: DeliveryTarget,
  secret: string,
  options: DeliveryOptions = {},
): Promise<void> {
  if ('out' in target) await writeSecretFile(target.out, secret);
  else await pipeSecretTo(target.exec, target.cwd, secret, options);
}
