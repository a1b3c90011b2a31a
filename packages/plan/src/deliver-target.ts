import {
  commandEnvironment,
  DeliveryError,
  pipeSecretTo,
  prepareSecretFile,
  writeSecretFile,
} from './deliver/index.js';
import type { DeliveryTarget } from './types.js';

export { DeliveryError };

/** How deliveries run. */
export interface DeliveryOptions {
  /** Receives an `exec` command's output, whole lines at a time. @default discarded */
  readonly commandOutput?: ((line: string) => void) | undefined;
  /** How long an `exec` command may run before it is ended. @default 300000 (5 minutes) */
  readonly execTimeoutMs?: number | undefined;
  /**
   * The environment `exec` commands run in; the vendors' credential variables are always
   * removed from it. @default process.env
   */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/**
 * Checks an `out` target before any token is made for it: its missing folders are created
 * (mode 0700), and a path that is a folder is refused.
 */
export async function prepareDelivery(target: DeliveryTarget): Promise<void> {
  if ('out' in target) await prepareSecretFile(target.out, { replace: true, createFolders: true });
}

/**
 * Hands a secret to where the tokens file says it goes: an `out` file replaced atomically
 * (mode 0600, a symlink there replaced, never written through), or an `exec` command run with
 * `sh -c` in the file's folder with the secret on stdin only.
 */
export async function deliver(
  target: DeliveryTarget,
  secret: string,
  options: DeliveryOptions = {},
): Promise<void> {
  if ('out' in target) {
    await writeSecretFile(target.out, secret, { replace: true });
    return;
  }
  await pipeSecretTo(target.exec, secret, {
    name: `exec ${JSON.stringify(target.exec)}`,
    cwd: target.cwd,
    env: commandEnvironment(options.env ?? process.env),
    timeoutMs: options.execTimeoutMs ?? 300_000,
    sink: (text) => options.commandOutput?.(text.slice(0, -1)),
  });
}
