/**
 * Rotation in a browser app whose bundler splits code: the page is bundled by esbuild with
 * `splitting`, so each client's `rotate` fetches the chunk holding its `import()` of the
 * lifecycle engine on first use. Headless Chromium runs one rotation per vendor against the mock
 * server from another loopback origin; the static server records which chunks the page fetched,
 * and when.
 *
 * Chromium is found at `CHROMIUM_PATH` or `/usr/bin/chromium`. When it is missing the test
 * fails under CI (`CI` set) and is skipped locally.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { build, type Metafile } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RotateConfig, RotateOutcome } from './browser/rotate-page.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
const inCi = Boolean(process.env.CI);
const entry = fileURLToPath(new URL('./browser/rotate-page.ts', import.meta.url));

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>tokenkit rotate</title></head>
<body><script type="module" src="/rotate-page.js"></script></body></html>`;

/** Serves the page and every built file of `dir`, recording the files fetched, in order. */
async function serveStatic(dir: string, fetched: string[]) {
  const server = createServer((req, res) => {
    const name = basename(req.url ?? '/');
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (!name.endsWith('.js')) {
      res.writeHead(404).end();
      return;
    }
    fetched.push(name);
    readFile(join(dir, name)).then(
      (code) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** The output chunks holding each vendor's module that `rotate` imports on first use. */
function lazyChunks(metafile: Metafile): { losant: string; instana: string } {
  const holding = (module: RegExp) => {
    const found = Object.entries(metafile.outputs).find(([, output]) =>
      Object.keys(output.inputs).some((input) => module.test(input)),
    );
    return basename(found?.[0] ?? 'none');
  };
  return {
    losant: holding(/losant\/dist\/resources\/rotation\.js$/),
    instana: holding(/instana\/dist\/rotate\.js$/),
  };
}

describe.skipIf(!available && !inCi)('rotation from a code-split browser bundle', () => {
  let dir: string;
  let mock: MockServer;
  let site: { server: Server; origin: string };
  let browser: Browser | undefined;
  let chunks: { losant: string; instana: string };
  const fetched: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenkit-rotate-split-'));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: dir,
      metafile: true,
      logLevel: 'silent',
    });
    chunks = lazyChunks(result.metafile);
    mock = await startMockServer({ port: 0, host: '127.0.0.1' });
    site = await serveStatic(dir, fetched);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await mock?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('each rotate loads its own chunk on first use, and rotates', {
    timeout: 60_000,
  }, async () => {
    if (!available) {
      throw new Error(
        `Chromium not found at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
      );
    }
    // Each vendor's rotation module sits in a chunk of its own, apart from the entry.
    expect(chunks.losant).not.toBe('rotate-page.js');
    expect(chunks.instana).not.toBe('rotate-page.js');
    expect(new Set([chunks.losant, chunks.instana, 'none']).size).toBe(3);

    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(`${site.origin}/`);
    await tab.waitForFunction(() => 'runRotate' in globalThis);
    expect(fetched).not.toContain(chunks.losant);
    expect(fetched).not.toContain(chunks.instana);

    const config: RotateConfig = {
      url: mock.url,
      losantAccessToken: mock.losant.accessToken,
      instanceId: mock.losant.instanceId,
      instanaApiToken: mock.instana.apiToken,
    };
    const result = await tab.evaluate(
      (input) =>
        (
          globalThis as unknown as {
            runRotate: (c: RotateConfig) => Promise<Record<'losant' | 'instana', RotateOutcome>>;
          }
        ).runRotate(input),
      config,
    );

    expect(fetched).toContain(chunks.losant);
    expect(fetched).toContain(chunks.instana);
    for (const outcome of [result.losant, result.instana]) {
      expect(outcome.revoked).toBe('deleted');
      expect(outcome.verified).toBe('valid');
      expect(outcome.deliveredSecretMatches).toBe(true);
      expect(outcome.newId).not.toBe(outcome.oldId);
    }
    const losantIds = mock.store.losant
      .list({ instanceId: mock.losant.instanceId })
      .map((token) => token.id);
    expect(losantIds).toEqual([result.losant.newId]);
    expect(mock.store.instana.list().map((token) => token.internalId)).toEqual([
      result.instana.newId,
    ]);
    expect(pageErrors).toEqual([]);
  });
});
