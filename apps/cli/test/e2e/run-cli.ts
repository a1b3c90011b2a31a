import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MockServer } from '@tokenkit/mock-server';

/** The built `tokenkit` binary: the tests run what users run. */
export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

if (!existsSync(bin)) {
  throw new Error(
    `${bin} is missing: build the CLI first (pnpm turbo run build --filter=@tokenkit/cli)`,
  );
}

/** What a finished `tokenkit` process left behind. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run it. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed; without it stdin is /dev/null (never a TTY). */
  input?: string;
  /** Extra arguments for node itself, before the script. */
  nodeArgs?: string[];
}

// Only what node needs: no inherited credentials, colour settings or CI flags.
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TMPDIR: process.env.TMPDIR,
};

/** Runs `tokenkit …` as a real child process with Node 24 (vitest's own node). */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
      env: { ...baseEnv, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** util-linux `script`, which runs a command in a pseudo-terminal; absent on some machines. */
export const scriptPath = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));

/**
 * Runs `tokenkit …` in a pseudo-terminal (util-linux `script`) `columns` wide, so stdin, stdout
 * and stderr are all a terminal, as for a person. `answer` is typed at the first `[y/N]`
 * question (`\r` is Enter, `\u0003` Ctrl-C). `stdout` holds the screen: both streams, with the
 * terminal's `\r\n` line ends turned back into `\n`; `code` is tokenkit's exit code.
 */
export function runInTerminal(
  args: string[],
  options: { columns?: number; answer?: string; env?: Record<string, string | undefined> } = {},
): Promise<RunResult> {
  const quoted = [process.execPath, bin, ...args].map((part) => `'${part}'`).join(' ');
  const command = `stty cols ${options.columns ?? 80} rows 24; exec ${quoted}`;
  return new Promise((resolve, reject) => {
    const child = spawn(scriptPath!, ['-qec', command, '/dev/null'], {
      env: { ...baseEnv, TERM: 'dumb', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (options.answer !== undefined && stdout.includes('[y/N]')) child.stdin.end(options.answer);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: stdout.replaceAll('\r\n', '\n'), stderr: '' }),
    );
  });
}

/** `--json` output, parsed; fails the test with the whole output when it is not JSON. */
export function json<T = Record<string, unknown>>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not JSON (exit ${result.code}):\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
  }
}

/** Losant credentials for the mock. */
export function losantEnv(mock: MockServer): Record<string, string> {
  return { LOSANT_ACCESS_TOKEN: mock.losant.accessToken, LOSANT_API_URL: mock.url };
}

/** Instana credentials for the mock. */
export function instanaEnv(mock: MockServer): Record<string, string> {
  return { INSTANA_API_TOKEN: mock.instana.apiToken, INSTANA_BASE_URL: mock.url };
}

/** A fresh Losant object id: a new application per test keeps parallel tests apart. */
export function objectId(): string {
  return randomBytes(12).toString('hex');
}

/** A new, empty application in the mock (naming one in `store.add` creates it). */
export function newApplication(mock: MockServer): string {
  const applicationId = objectId();
  const [placeholder] = mock.store.losant.add({ applicationId }, 1);
  mock.store.losant.remove({ applicationId }, placeholder!.id);
  return applicationId;
}

/**
 * Child processes are slow to start on a busy machine; a generous per-test limit keeps that
 * from failing tests (the suite asserts behaviour, never timing).
 */
export const processTimeout = { timeout: 90_000 };

/** Asserts no secret occurs anywhere in a run's output. */
export function leakedSecrets(result: RunResult, secrets: readonly string[]): string[] {
  const text = `${result.stdout}\n${result.stderr}`;
  return secrets.filter((secret) => text.includes(secret));
}

/** A `tokenkit` process still running, for tests that signal it or close its stdout. */
export interface StartedCli {
  child: ChildProcess;
  /** Resolves when it has exited; `stdout` is empty unless stdout was piped and kept open. */
  done: Promise<RunResult>;
  /** Resolves once `text` has appeared on its stderr. */
  stderrShows(text: string): Promise<void>;
}

/**
 * Starts `tokenkit …` with stdout as given: `'pipe'` (read by the test), `'closed'` (a pipe
 * whose reading end the test closes before tokenkit starts), or a file descriptor.
 */
export function startCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; stdout?: 'pipe' | 'closed' | number } = {},
): StartedCli {
  const stdout = options.stdout ?? 'pipe';
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...baseEnv, ...options.env },
    stdio: ['ignore', typeof stdout === 'number' ? stdout : 'pipe', 'pipe'],
  });
  if (stdout === 'closed') child.stdout?.destroy();
  let out = '';
  let err = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const wait of waiting.filter((w) => err.includes(w.text))) wait.resolve();
  });
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
  const stderrShows = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (err.includes(text)) return resolve();
      waiting.push({ text, resolve });
      done.then(() =>
        err.includes(text) ? resolve() : reject(new Error(`exited without "${text}":\n${err}`)),
      );
    });
  return { child, done, stderrShows };
}
