/**
 * `tokenkit audit --format html` opened in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the page sorts and filters, draws its charts, requests nothing, and a
 * hostile token name runs no script. Chromium is found at `CHROMIUM_PATH` or
 * `/usr/bin/chromium`; when it is missing the test fails under CI (`CI` set) and is skipped
 * locally.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInDays } from './audit-dates.js';
import { losantEnv, newApplication, runCli } from './run-cli.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
const inCi = Boolean(process.env.CI);

/** Would set a global and leave an image if the page ever read it as markup. */
const hostile = '<img src=x onerror="globalThis.pwned=1">';

let mock: MockServer;
let dir: string;
let browser: Browser | undefined;
let html: string;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'tokenkit-html-'));
  const applicationId = newApplication(mock);
  mock.store.losant.add({ applicationId }, [
    { name: hostile, scope: ['all.Application'], expirationDate: isoInDays(3) },
    { name: 'b-forever', scope: ['devices.get'] },
    { name: 'z-soon', scope: ['devices.get'], expirationDate: isoInDays(20) },
    { name: 'c-later', scope: ['devices.get'], expirationDate: isoInDays(200) },
  ]);
  const result = await runCli(
    ['audit', '--application', applicationId, '--format', 'html', '--fail-on', 'none'],
    { env: losantEnv(mock) },
  );
  expect(result.code, result.stderr).toBe(0);
  html = result.stdout;
  await writeFile(path.join(dir, 'audit.html'), html);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tokenNames = (tab: Page) =>
  tab.$$eval('#findings tbody tr:not([hidden])', (rows) =>
    rows.map((row) => (row as HTMLTableRowElement).cells[3]?.textContent ?? ''),
  );

describe.skipIf(!available && !inCi)('tokenkit audit --format html (headless Chromium)', () => {
  it('is one page with nothing to fetch: inline style, script and SVG', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<link|<script src|<img|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('&lt;img src=x onerror=&quot;globalThis.pwned=1&quot;&gt;');
  });

  it('sorts by a clicked column, filters as you type, draws its charts and runs no server text', {
    timeout: 60_000,
  }, async () => {
    if (!available) throw new Error(`Chromium not found at ${executablePath}`);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const tab = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    tab.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(path.join(dir, 'audit.html')).href;
    await tab.goto(url);

    // The hostile name is text in its cell: no image, no handler run.
    expect(await tab.evaluate(() => 'pwned' in globalThis)).toBe(false);
    expect(await tab.$$('#findings img')).toHaveLength(0);
    expect(await tokenNames(tab)).toContain(hostile);

    // Most urgent first as printed; a click sorts by the token's name, another the other way.
    const all = await tokenNames(tab);
    expect(all).toHaveLength(4);
    expect(all).not.toEqual([...all].sort());
    await tab.click('#findings th:nth-child(4) button');
    expect(await tokenNames(tab)).toEqual([...all].sort());
    expect(await tab.getAttribute('#findings th:nth-child(4)', 'aria-sort')).toBe('ascending');
    await tab.click('#findings th:nth-child(4) button');
    expect(await tokenNames(tab)).toEqual([...all].sort().reverse());
    // By severity: lowest first, then highest first.
    await tab.click('#findings th:nth-child(1) button');
    const severities = () =>
      tab.$$eval('#findings tbody tr', (rows) =>
        rows.map((row) => (row as HTMLTableRowElement).cells[0]?.textContent),
      );
    expect(await severities()).toEqual(['medium', 'medium', 'high', 'high']);

    // Typing filters: every word must occur in the row.
    await tab.fill('#filter', 'forever');
    expect(await tokenNames(tab)).toEqual(['b-forever']);
    expect(await tab.textContent('#shown')).toBe('1 of 4 shown');
    await tab.fill('#filter', 'high expiring');
    expect(await tokenNames(tab)).toEqual([hostile]);
    await tab.fill('#filter', '');
    expect(await tokenNames(tab)).toHaveLength(4);

    // The charts: a bar per severity, and the expiries by month.
    expect(await tab.$$('#severities svg rect')).toHaveLength(4);
    expect((await tab.$$('#expiries svg rect')).length).toBeGreaterThan(1);
    expect(await tab.textContent('#expiries figcaption')).toContain('1 never expire');

    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });
});
