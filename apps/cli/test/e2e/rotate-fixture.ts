import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll } from 'vitest';

/** What a `tokens rotate` test file shares: the mock, the CLI's environment, a scratch folder. */
export interface RotateFixture {
  readonly mock: MockServer;
  readonly env: Record<string, string>;
  readonly scratch: string;
}

/** Starts the mock and a scratch folder for the calling test file; both go away after it. */
export function useRotateFixture(
  envFor: (mock: MockServer) => Record<string, string>,
): RotateFixture {
  let state: RotateFixture | undefined;
  beforeAll(async () => {
    const mock = await startMockServer({ port: 0 });
    const scratch = await mkdtemp(join(tmpdir(), 'tokenkit-rotate-'));
    state = { mock, env: envFor(mock), scratch };
  });
  afterAll(async () => {
    await state?.mock.close();
    if (state) await rm(state.scratch, { recursive: true, force: true });
  });
  const started = (): RotateFixture => {
    if (state === undefined) throw new Error('the rotate fixture has not started yet');
    return state;
  };
  return {
    get mock() {
      return started().mock;
    },
    get env() {
      return started().env;
    },
    get scratch() {
      return started().scratch;
    },
  };
}

/** A new folder under the scratch folder. */
export function scratchDir(fixture: RotateFixture, prefix: string): Promise<string> {
  return mkdtemp(join(fixture.scratch, prefix));
}

/**
 * An `--exec` command that stores its stdin in `dir/secret`, and its environment and own
 * command line in `dir/env` and `dir/args`, so a test can prove the secret reached only stdin.
 */
export function capturingCommand(dir: string): string {
  return `env > ${dir}/env; tr '\\0' ' ' < /proc/$$/cmdline > ${dir}/args; cat > ${dir}/secret`;
}

/** What a {@link capturingCommand} recorded. */
export async function captured(
  dir: string,
): Promise<{ secret: string; env: string; args: string }> {
  const [secret, env, args] = await Promise.all(
    ['secret', 'env', 'args'].map((name) => readFile(join(dir, name), 'utf8')),
  );
  return { secret: secretIn(secret ?? ''), env: env ?? '', args: args ?? '' };
}

/** The secret in a delivered file or stdin: the text without its final newline. */
export function secretIn(text: string): string {
  return text.replace(/\n$/, '');
}
