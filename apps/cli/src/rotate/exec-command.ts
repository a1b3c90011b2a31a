import { spawn } from 'node:child_process';
import { humanDuration } from '../output/human-duration.js';
import { DeliveryError, interrupted } from './delivery-error.js';

/** How long a command that ignored SIGTERM gets before its process group is killed. */
const killGraceMs = 5_000;

/** How an `--exec` command runs. */
export interface CommandRun {
  /** Its environment (see `commandEnvironment`). */
  env: NodeJS.ProcessEnv;
  /** Where its own output goes, whole lines at a time: tokenkit's stderr, scrubbed. */
  sink: (text: string) => void;
  /** Aborted by a signal to tokenkit: the command is ended and the delivery fails. */
  signal: AbortSignal;
  /** `--exec-timeout`: a command still running after this long is ended, a failed delivery. */
  timeoutMs: number;
}

/**
 * Passes a child's output on whole lines at a time, so a secret the command echoes is never
 * split across two writes and is scrubbed like any other stderr text.
 */
function lineForwarder(sink: (text: string) => void): { push(chunk: Buffer): void; end(): void } {
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) sink(`${line}\n`);
    },
    end() {
      if (partial !== '') sink(`${partial}\n`);
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
 * Runs `command` through the shell, in a process group of its own, with the secret on its stdin
 * only (not in its arguments or environment). A non-zero exit, a signal, `timeoutMs` passing or
 * `run.signal` aborting fails the delivery; the last two end the whole group (SIGTERM, then
 * SIGKILL after a grace period). Settles only once the group has closed its output.
 */
export function pipeSecretTo(command: string, secret: string, run: CommandRun): Promise<void> {
  if (run.signal.aborted) return Promise.reject(interrupted(run.signal));
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      detached: true,
      env: run.env,
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
    const timer = setTimeout(
      () => end(`did not finish within ${humanDuration(run.timeoutMs)} (--exec-timeout)`),
      run.timeoutMs,
    );
    const onAbort = () => end(`was ended: tokenkit received ${String(run.signal.reason)}`);
    run.signal.addEventListener('abort', onAbort, { once: true });
    const forward = lineForwarder(run.sink);
    child.stdout?.on('data', forward.push);
    child.stderr?.on('data', forward.push);
    // A command that exits without reading stdin closes the pipe: its exit code decides.
    child.stdin?.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new DeliveryError(`--exec could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(escalation);
      run.signal.removeEventListener('abort', onAbort);
      forward.end();
      if (ended !== undefined) return reject(new DeliveryError(`the --exec command ${ended}`));
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new DeliveryError(`the --exec command ${how}`));
    });
    child.stdin?.end(`${secret}\n`);
  });
}
