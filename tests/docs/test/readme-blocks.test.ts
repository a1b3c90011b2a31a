import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockFileName,
  type CodeBlock,
  codeBlocks,
  FRAGMENT_MAX_LINES,
  readmeFiles,
  where,
} from './markdown.ts';
import { typecheck } from './typecheck.ts';

const run = promisify(execFile);
// Inside this package, so the blocks resolve `@tokenkit/*` through its node_modules, as an app would.
const BLOCKS = join(import.meta.dirname, '../.blocks');
const blocks = readmeFiles().flatMap(codeBlocks);
const tsBlocks = blocks.filter((block) => block.lang === 'ts');
const complete = tsBlocks.filter((block) => !block.flags.includes('fragment'));
const runnable = complete.filter((block) => block.flags.includes('runnable'));
const label = (block: CodeBlock) => where(block);

let errors = new Map<string, string[]>();
const pathOf = (block: CodeBlock) => join(BLOCKS, blockFileName(block));

beforeAll(() => {
  rmSync(BLOCKS, { recursive: true, force: true });
  mkdirSync(BLOCKS, { recursive: true });
  for (const block of complete) writeFileSync(pathOf(block), `${block.code}\n`);
  // A block that must fail proves the check can fail.
  const broken = join(BLOCKS, 'broken.ts');
  writeFileSync(
    broken,
    "import { createLosantClient } from '@tokenkit/losant';\ncreateLosantClient({ token: 1 });\n",
  );
  errors = typecheck([...complete.map(pathOf), broken]);
});

describe('README code blocks', () => {
  it('finds the TypeScript blocks of every README', () => {
    expect(complete.length).toBeGreaterThan(30);
    expect(runnable.length).toBeGreaterThan(0);
    expect(errors.get(join(BLOCKS, 'broken.ts'))).toContainEqual(expect.stringMatching(/^1: TS/));
  });

  it.each(
    blocks.filter((b) => /^(typescript|tsx|mts|cts)$/.test(b.lang)).map((b) => [label(b), b]),
  )('%s is fenced as ts, so it is checked', (_, block) => {
    expect.fail(
      `${where(block)}: fence TypeScript as \`\`\`ts (or \`\`\`ts fragment), not ${block.lang}`,
    );
  });

  it.each(tsBlocks.map((b) => [label(b), b] as const))('%s uses known flags', (_, block) => {
    expect(block.flags.filter((flag) => flag !== 'fragment' && flag !== 'runnable')).toEqual([]);
  });

  it.each(tsBlocks.filter((b) => b.flags.includes('fragment')).map((b) => [label(b), b] as const))(
    `%s is a fragment of at most ${FRAGMENT_MAX_LINES} lines`,
    (_, block) => {
      expect(block.code.split('\n').length).toBeLessThanOrEqual(FRAGMENT_MAX_LINES);
    },
  );

  it.each(complete.map((b) => [label(b), b] as const))(
    '%s type-checks as its own module',
    (_, block) => {
      const found = (errors.get(pathOf(block)) ?? []).map((error) => {
        const [line, ...rest] = error.split(': ');
        return /^\d+$/.test(line ?? '')
          ? `${where(block, Number(line))}: ${rest.join(': ')}`
          : error;
      });
      expect(found.join('\n')).toBe('');
    },
  );
});

describe('runnable README blocks, against the mock server', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'readme' });
  });
  afterAll(() => mock.close());

  it.each(runnable.map((b) => [label(b), b] as const))(
    '%s runs to completion',
    async (_, block) => {
      mock.store.reset();
      mock.clearRequests();
      // A token of each kind for the blocks that read, change or rotate one.
      const [losantToken] = mock.store.losant.add({ applicationId: mock.losant.applicationId }, 1);
      const [instanaToken] = mock.store.instana.add(1);
      const env = {
        PATH: process.env.PATH,
        LOSANT_API_URL: mock.url,
        LOSANT_ACCESS_TOKEN: mock.losant.accessToken,
        LOSANT_APPLICATION_ID: mock.losant.applicationId,
        LOSANT_INSTANCE_ID: mock.losant.instanceId,
        INSTANA_BASE_URL: mock.url,
        INSTANA_API_TOKEN: mock.instana.apiToken,
        LOSANT_API_TOKEN_ID: losantToken?.id,
        INSTANA_TOKEN_ID: instanaToken?.internalId,
      };
      const { stdout } = await run(process.execPath, [pathOf(block)], { env, cwd: BLOCKS });
      expect(typeof stdout).toBe('string');
      // It talked to the server it was pointed at, unless it starts its own.
      if (!block.code.includes('startMockServer(')) expect(mock.requests.length).toBeGreaterThan(0);
    },
  );
});
