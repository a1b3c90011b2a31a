import { spawn } from 'node:child_process';
import { authError } from '../errors.js';

/** At most this much output is read: a credential is short; anything longer is a mistake. */
const MAX_OUTPUT = 64 * 1024;

/** What `credentialCommand` failures name: the profile and vendor it belongs to. */
export interface CommandOrigin {
  profile: string;
  vendor: 'losant' | 'instana';
}

function failure(origin: CommandOrigin, why: string) {
  return authError(
    `the credentialCommand of profile "${origin.profile}" (${origin.vendor}) ${why}`,
    'run the command yourself to see why (tokenkit never shows its output)',
  );
}

/**
 * Runs a profile's `credentialCommand` with `sh -c`; its standard output, trimmed, is the
 * credential. Its output is never shown, even when it fails (it may hold a secret). It runs in a
 * process group of its own, so a timeout ends whatever it started too.
 *
 * @param timeoutMs how long it may run before it is killed.
 */
export function runCredentialCommand(
  command: string,
  origin: CommandOrigin,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) chunks.push(chunk);
      else killGroup();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failure(origin, `could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(chunks).toString('utf8').trim();
      if (timedOut) return reject(failure(origin, `did not finish within ${timeoutMs / 1000}s`));
      if (size > MAX_OUTPUT) return reject(failure(origin, 'printed more than 64 KiB'));
      if (code !== 0) return reject(failure(origin, `failed (${signal ?? `exit ${code}`})`));
      if (!output) return reject(failure(origin, 'printed nothing'));
      resolve(output);
    });
  });
}
