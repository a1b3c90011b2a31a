import { spawn } from 'node:child_process';
import { formatDuration } from '../duration.js';
import { DeliveryError, interrupted } from './errors.js';

/** How long a command that ignored SIGTERM gets before its process group is killed. */
const killGraceMs = 5_000;

/** How a delivery command runs. */
export interface CommandOptions {
  /** How messages name the command: `the --exec command`, `exec "vault kv put …"`. */
  readonly name: string;
  /** Its environment (see `commandEnvironment`): never the vendors' credentials. */
  readonly env: NodeJS.ProcessEnv;
  /** A command still running after this long is ended: a failed delivery. */
  readonly timeoutMs: number;
  /** How the timeout is worded in its message. @default the timeout as `90s`, `2h` */
  readonly timeoutText?: string | undefined;
  /** Where it runs. @default the current folder */
  readonly cwd?: string | undefined;
  /**
   * Receives its output (stdout and stderr), whole lines at a time with their `\n`, the secret
   * shown as `[redacted]` (whole lines, so an echo is never split); the sink scrubs anything
   * else it knows (the credentials).
   * @default discarded
   */
  readonly sink?: ((text: string) => void) | undefined;
  /** Aborted (by a signal to the process): the command is ended, a failed delivery. */
  readonly signal?: AbortSignal | undefined;
}

/** Passes output on whole lines at a time, with the secret it was given shown as `[redacted]`. */
function lineForwarder(sink: ((text: string) => void) | undefined, secret: string) {
  let partial = '';
  // As the CLI's redaction: a value under 8 characters is no real token, and would blank words.
  const hide = (line: string) =>
    secret.length >= 8 ? line.replaceAll(secret, '[redacted]') : line;
  const send = (line: string) => sink?.(`${hide(line)}\n`);
  return {
    push(chunk: Buffer) {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) send(line);
    },
    end() {
      if (partial !== '') send(partial);
      partial = '';
    },
  };
}

/** Signals a whole process group: the shell and everything it started. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * Runs `command` through `sh -c`, in a process group of its own, with the secret on its stdin
 * only (not in its arguments or environment). A non-zero exit, a signal, the timeout or
 * `signal` aborting fails the delivery; the last two end the whole group (SIGTERM, then SIGKILL
 * after a grace period). Settles only once the group has closed its output.
 * @throws DeliveryError naming the command (as `options.name`) and what became of it.
 */
export function pipeSecretTo(
  command: string,
  secret: string,
  options: CommandOptions,
): Promise<void> {
  const { signal, name } = options;
  if (signal?.aborted) return Promise.reject(interrupted(signal));
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      detached: true,
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let ended: string | undefined;
    let escalation: NodeJS.Timeout | undefined;
    const end = (why: string) => {
      if (ended !== undefined) return;
      ended = why;
      signalGroup(child.pid, 'SIGTERM');
      escalation = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), killGraceMs);
    };
    const within = options.timeoutText ?? formatDuration(options.timeoutMs);
    const timer = setTimeout(() => end(`did not finish within ${within}`), options.timeoutMs);
    const onAbort = () => end(`was ended: tokenkit received ${String(signal?.reason)}`);
    signal?.addEventListener('abort', onAbort, { once: true });
    const forward = lineForwarder(options.sink, secret);
    child.stdout.on('data', forward.push);
    child.stderr.on('data', forward.push);
    // A command that exits without reading stdin closes the pipe: its exit code decides.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new DeliveryError(`${name} could not start: ${error.message}`));
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      clearTimeout(escalation);
      signal?.removeEventListener('abort', onAbort);
      forward.end();
      if (ended !== undefined) return reject(new DeliveryError(`${name} ${ended}`));
      if (code === 0) return resolve();
      const how = killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`;
      reject(new DeliveryError(`${name} ${how}`));
    });
    child.stdin.end(`${secret}\n`);
  });
}
