import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInDays } from './audit-dates.js';
import {
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  processTimeout,
  runCli,
} from './run-cli.js';

/** A name that is markup in Markdown and XML, and a terminal escape. */
const hostile = 'evil <b>&"\u001b[31m|x';

let mock: MockServer;
let applicationId: string;
let env: Record<string, string>;
let dir: string;
const secrets: string[] = [];

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'tokenkit-audit-'));
  applicationId = newApplication(mock);
  const added = mock.store.losant.add({ applicationId }, [
    { name: hostile, scope: ['all.Application'], expirationDate: isoInDays(3) },
    { name: 'forever', scope: ['devices.get'] },
    { name: 'fine', scope: ['devices.get'], expirationDate: isoInDays(300) },
  ]);
  secrets.push(mock.losant.accessToken, ...added.map((token) => token.token));
  env = losantEnv(mock);
});
afterAll(() => mock?.close());

interface Report {
  failed: boolean;
  sources: unknown[];
  findings: { severity: string; kind: string; tokenName: string }[];
}

describe.concurrent('tokenkit audit --format', processTimeout, () => {
  it('junit: one test case per owner and token, its findings at or above --fail-on in one failure; counts add up', async () => {
    const result = await runCli(['audit', '--application', applicationId, '--format', 'junit'], {
      env,
    });
    expect(result.code, result.stderr).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testcase', 'failure'].includes(name),
    }).parse(result.stdout);
    const suite = parsed.testsuites.testsuite;
    const cases: { name: string; failure?: { message: string; '#text': string }[] }[] =
      suite.testcase;
    const owner = `losant application ${applicationId}`;
    expect(cases.map((c) => c.name.replace(/\([a-f\d]{24}\)$/, '(ID)'))).toEqual([
      'losant user: 0 tokens, no findings',
      `${owner} token evil <b>&"\\e[31m|x (ID)`,
      `${owner} token forever (ID)`,
    ]);
    // expiring (high) and over-broad (high) fail at --fail-on high, in one failure;
    // never-expiring (medium) does not fail.
    expect(cases[1]?.failure).toHaveLength(1);
    expect(cases[1]?.failure?.[0]?.message).toBe('high expiring, high over-broad');
    expect(cases[1]?.failure?.[0]?.['#text']).toMatch(
      /^high expiring: expires .*\nfix: tokenkit losant tokens rotate [a-f\d]{24} --application [a-f\d]{24}\nhigh over-broad: has all.Application/,
    );
    expect(cases[2]?.failure).toBeUndefined();
    const failed = cases.filter((c) => c.failure).length;
    expect([suite.tests, suite.failures, suite.errors]).toEqual(['3', String(failed), '0']);
    expect([parsed.testsuites.tests, parsed.testsuites.failures]).toEqual(['3', '1']);
    expect(result.stdout).not.toContain('\u001b');
    expect(leakedSecrets(result, secrets)).toEqual([]);
  });

  it('junit with --fail-on none has no failures', async () => {
    const result = await runCli(
      ['audit', '--application', applicationId, '--format', 'junit', '--fail-on', 'none'],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('<failure');
  });

  it('markdown: a verdict, a table with server text escaped, and the rotate commands', async () => {
    const result = await runCli(['audit', '--application', applicationId, '--format', 'markdown'], {
      env,
    });
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('## Token audit: ❌ failing: at least one finding is high or worse');
    expect(result.stdout).toContain('| Severity | Finding | Owner | Token | Detail |');
    const rows = lines.filter((line) => line.startsWith('| high'));
    expect(rows).toHaveLength(2);
    // Five cells: the name's pipe is escaped, its tag and escape sequence made inert.
    expect(rows[0]?.split(/(?<!\\)\|/).length).toBe(7);
    expect(rows[0]).toContain('evil \\<b\\>&amp;"\\\\e\\[31m\\|x');
    expect(result.stdout).toMatch(/```sh\ntokenkit losant tokens rotate [a-f\d]{24} --application/);
    expect(result.stdout).not.toContain('\u001b');
  });

  it('--json is --format json; the two disagreeing is a usage error', async () => {
    const a = await runCli(['audit', '--application', applicationId, '--format', 'json'], { env });
    expect(json<Report>(a).findings).toHaveLength(3);
    const both = await runCli(['audit', '--json', '--format', 'junit'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and --format junit disagree');
  });

  it('the table shows the rotate commands and the name made harmless', async () => {
    const result = await runCli(['audit', '--application', applicationId], { env });
    expect(result.stdout).toMatch(
      /tokenkit losant tokens rotate [a-f\d]{24} --application [a-f\d]{24} --expires 90d/,
    );
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe.concurrent('tokenkit audit --policy', processTimeout, () => {
  it('--init-policy writes the built-in rules, which judge exactly like no policy', async () => {
    const file = path.join(dir, 'starter.json');
    const init = await runCli(['audit', '--init-policy', file]);
    expect(init.code, init.stderr).toBe(0);
    const starter = JSON.parse(await readFile(file, 'utf8'));
    expect(starter.forbiddenLosantScopes).toEqual(['all.*']);
    // The published schema, the same file the package ships: it resolves wherever the policy
    // is committed, not only beside the checkout that wrote it.
    expect(starter.$schema).toBe('https://unpkg.com/@tokenkit/cli/audit-policy.schema.json');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.files).toContain('audit-policy.schema.json');
    expect(existsSync(new URL('../../audit-policy.schema.json', import.meta.url))).toBe(true);
    const again = await runCli(['audit', '--init-policy', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    const [withPolicy, without] = await Promise.all([
      runCli(['audit', '--application', applicationId, '--policy', file, '--json'], { env }),
      runCli(['audit', '--application', applicationId, '--json'], { env }),
    ]);
    expect(json<Report>(withPolicy).findings).toEqual(json<Report>(without).findings);
  });

  it('a policy changes severities, forbidden scopes and turns rules off', async () => {
    const file = path.join(dir, 'strict.json');
    await writeFile(
      file,
      JSON.stringify({
        forbiddenLosantScopes: ['devices.*'],
        severity: { neverExpiring: 'critical', expiringSoon: 'off' },
      }),
    );
    const result = await runCli(
      ['audit', '--application', applicationId, '--policy', file, '--json'],
      { env },
    );
    const findings = json<Report>(result).findings.map(
      (f) => `${f.severity} ${f.kind} ${f.tokenName}`,
    );
    expect(findings).toEqual([
      // One finding with both reasons, not an over-broad and a never-expiring one.
      'critical over-broad forever',
      'high over-broad fine',
    ]);
  });

  it('refuses a bad policy file naming each field (exit 2)', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        maxLifetimeDays: -1,
        severity: { expired: 'severe' },
        overrides: [{ match: { applicationId: 'nope' } }],
        colour: 'red',
      }),
    );
    const result = await runCli(['audit', '--policy', file], { env });
    expect(result.code).toBe(2);
    for (const field of [
      'maxLifetimeDays',
      'severity.expired',
      'overrides[0].match.applicationId',
      'colour',
    ]) {
      expect(result.stderr).toContain(field);
    }
    const missing = await runCli(['audit', '--policy', path.join(dir, 'nope.json')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
    await writeFile(path.join(dir, 'broken.json'), '{ nope');
    const broken = await runCli(['audit', '--policy', path.join(dir, 'broken.json')], { env });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not JSON');
  });
});
