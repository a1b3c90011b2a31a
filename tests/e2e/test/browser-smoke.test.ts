/**
 * The Losant and Instana clients, bundled by esbuild for the browser, run in headless Chromium
 * (Debian's `chromium`, driven by playwright-core) against the mock server. The page is served
 * from a second loopback origin, so the mock server's CORS answers are exercised too.
 *
 * Chromium is found at `CHROMIUM_PATH` or `/usr/bin/chromium`. When it is missing the test
 * fails under CI (`CI` set) and is skipped locally.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SmokeConfig, SmokeResult } from './browser/smoke-page.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
const inCi = Boolean(process.env.CI);
const entry = fileURLToPath(new URL('./browser/smoke-page.ts', import.meta.url));

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>tokenkit smoke</title></head>
<body><script type="module" src="/smoke.js"></script></body></html>`;

/** Serves the page and the bundle from one directory on a loopback port. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.url === '/smoke.js') {
      readFile(join(dir, 'smoke.js')).then(
        (code) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

describe.skipIf(!available && !inCi)('browser smoke test (headless Chromium)', () => {
  let dir: string;
  let mock: MockServer;
  let site: { server: Server; origin: string };
  let browser: Browser | undefined;
  let bundleInputs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenkit-smoke-'));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'smoke.js'),
      metafile: true,
      logLevel: 'silent',
    });
    bundleInputs = Object.keys(result.metafile.inputs);
    mock = await startMockServer({ port: 0, host: '127.0.0.1' });
    site = await serveStatic(dir);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await mock?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the clients bundle for the browser without any Node built-in', () => {
    expect(
      bundleInputs.some(
        (input) => input.includes('@tokenkit/losant') || input.includes('losant/dist'),
      ),
    ).toBe(true);
    expect(bundleInputs.filter((input) => input.startsWith('node:'))).toEqual([]);
  });

  test('create, list and delete on both vendors from a page on another origin', {
    timeout: 60_000,
  }, async () => {
    if (!available) {
      throw new Error(
        `Chromium not found at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
      );
    }
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (message) => {
      // Chromium logs every 4xx answer as a console error; the test expects two 404s.
      const text = message.text();
      if (message.type() === 'error' && !text.startsWith('Failed to load resource')) {
        pageErrors.push(text);
      }
    });
    await tab.goto(`${site.origin}/`);
    await tab.waitForFunction(() => 'runSmoke' in globalThis);

    const config: SmokeConfig = {
      url: mock.url,
      losantAccessToken: mock.losant.accessToken,
      instanceId: mock.losant.instanceId,
      instanaApiToken: mock.instana.apiToken,
    };
    const result = await tab.evaluate(
      (input) =>
        (globalThis as unknown as { runSmoke: (c: SmokeConfig) => Promise<SmokeResult> }).runSmoke(
          input,
        ),
      config,
    );

    expect(result.losant.createdName).toBe('browser-smoke');
    expect(result.losant.createdHasToken).toBe(true);
    expect(result.losant.listedIds).toEqual([result.losant.createdId]);
    expect(result.losant.deleted).toEqual({ success: true });
    expect(result.losant.idsAfterDelete).toEqual([]);
    // Typed errors survive bundling: instanceof works in the page.
    expect(result.losant.missingError).toEqual({
      name: 'NotFoundError',
      isNotFound: true,
      status: 404,
    });
    expect(result.instana.createdInternalId).toBe(result.instana.sentInternalId);
    expect(result.instana.listedIds).toEqual([result.instana.sentInternalId]);
    expect(result.instana.idsAfterDelete).toEqual([]);
    // Readable only because the mock exposes the X-RateLimit-* headers to scripts.
    expect(result.instana.rateLimit?.limit).toBe(5000);
    expect(mock.store.losant.list({ instanceId: mock.losant.instanceId })).toEqual([]);
    expect(mock.store.instana.list()).toEqual([]);

    // The calls really came from the page's origin, preflighted.
    const calls = mock.requests.filter((entry) => entry.method !== 'OPTIONS');
    expect(calls.length).toBeGreaterThanOrEqual(9);
    expect(new Set(calls.map((entry) => entry.headers.origin))).toEqual(new Set([site.origin]));
    expect(mock.requests.some((entry) => entry.method === 'OPTIONS')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
