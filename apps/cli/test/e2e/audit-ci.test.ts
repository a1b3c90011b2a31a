import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInDays } from './audit-dates.js';
import { json, losantEnv, newApplication, processTimeout, runCli } from './run-cli.js';

/** The parts of `audit --json` these tests read. */
interface Report {
  failed: boolean;
  exitCode: number;
  error: string | null;
  summary: Record<string, number>;
  sources: { vendor: string; owner: { kind: string; id?: string }; tokens: number }[];
  notAudited: {
    vendor: string;
    owner: { kind: string; id?: string };
    reason: string;
    status: number | null;
    skipped: boolean;
  }[];
  findings: { severity: string; kind: string; tokenName: string; command: string | null }[];
}

let mock: MockServer;
/** A server only the tests that count requests talk to. */
let quiet: MockServer;
let applicationId: string;
/** An application API token: it may list its application's tokens, not `/me/tokens`. */
let appTokenEnv: Record<string, string>;

beforeAll(async () => {
  [mock, quiet] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0 })]);
  applicationId = newApplication(mock);
  const [reader] = mock.store.losant.add({ applicationId }, [
    { name: 'ci-reader', scope: ['applicationApiTokens.get'], expirationDate: isoInDays(200) },
    { name: 'this-week', scope: ['devices.get'], expirationDate: isoInDays(5) },
  ]);
  appTokenEnv = { LOSANT_ACCESS_TOKEN: reader!.token, LOSANT_API_URL: mock.url };
});
afterAll(() => Promise.all([mock?.close(), quiet?.close()]));

describe.concurrent('tokenkit audit in CI', processTimeout, () => {
  it('an application token audits its application; /me/tokens (not asked for) is skipped with a warning', async () => {
    const result = await runCli(['audit', '--application', applicationId, '--json'], {
      env: appTokenEnv,
    });
    expect(result.code, result.stderr).toBe(1);
    const report = json<Report>(result);
    expect(report.failed).toBe(true);
    expect(report.exitCode).toBe(1);
    expect(report.error).toBeNull();
    expect(report.notAudited).toEqual([
      expect.objectContaining({
        vendor: 'losant',
        owner: { kind: 'user' },
        status: 403,
        skipped: true,
        reason: expect.stringContaining('userApiTokens.get needs a token with one of'),
      }),
    ]);
    expect(report.sources.find((s) => s.owner.kind === 'application')?.tokens).toBe(2);
    expect(report.findings.map((f) => `${f.severity} ${f.kind} ${f.tokenName}`)).toEqual([
      'high expiring this-week',
    ]);
    expect(result.stderr).toMatch(/warning:.*skipped losant user: .*403/);
  });

  it('a token expiring within 7 days is high whatever --expiring-within says', async () => {
    const result = await runCli(
      ['audit', '--application', applicationId, '--expiring-within', '2d', '--json'],
      { env: appTokenEnv },
    );
    expect(json<Report>(result).findings).toEqual([
      expect.objectContaining({
        severity: 'high',
        kind: 'expiring',
        tokenName: 'this-week',
        command: `tokenkit losant tokens rotate ${mock.store.losant.list({ applicationId }).find((t) => t.name === 'this-week')?.id} --application ${applicationId}`,
      }),
    ]);
  });

  it('an owner that was asked for and fails still fails the run, and the JSON says why', async () => {
    const missing = 'f'.repeat(24);
    const result = await runCli(
      ['audit', '--application', missing, '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    expect(result.code).toBe(1);
    const report = json<Report>(result);
    expect(report).toMatchObject({ failed: true, exitCode: 1 });
    expect(report.error).toMatch(/could not be audited: .*404/);
    expect(report.notAudited).toContainEqual(
      expect.objectContaining({
        owner: { kind: 'application', id: missing },
        status: 404,
        skipped: false,
      }),
    );
  });

  it('a run that passes says failed: false with exit 0', async () => {
    const result = await runCli(
      ['audit', '--application', applicationId, '--fail-on', 'critical', '--json'],
      { env: appTokenEnv },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(json<Report>(result)).toMatchObject({ failed: false, exitCode: 0, error: null });
  });

  it('audits an owner given twice once', async () => {
    const twice = newApplication(mock);
    const result = await runCli(
      [
        'audit',
        '--application',
        twice,
        '--application',
        `${twice.toUpperCase()},${twice}`,
        '--json',
      ],
      { env: { ...losantEnv(mock) } },
    );
    const report = json<Report>(result);
    expect(report.sources.filter((s) => s.owner.kind === 'application')).toHaveLength(1);
    const reads = mock.requests.filter(
      (entry) => entry.path.toLowerCase() === `/applications/${twice}/tokens`,
    );
    expect(reads).toHaveLength(1);
  });

  it('refuses a blank credential and a malformed id (exit 2) before any request', async () => {
    const cases = [
      {
        env: { LOSANT_ACCESS_TOKEN: '', LOSANT_APPLICATION_ID: applicationId },
        says: 'LOSANT_ACCESS_TOKEN is set but empty',
      },
      {
        env: { ...losantEnv(mock), INSTANA_API_TOKEN: ' ', INSTANA_BASE_URL: mock.url },
        says: 'INSTANA_API_TOKEN is set but empty',
      },
      {
        env: losantEnv(mock),
        args: ['--application', 'notanid'],
        says: '--application "notanid" is not a Losant id',
      },
      {
        env: { ...losantEnv(mock), LOSANT_INSTANCE_ID: 'x1' },
        says: 'LOSANT_INSTANCE_ID "x1" is not a Losant id',
      },
      {
        env: losantEnv(mock),
        args: ['--org', 'a'.repeat(24)],
        says: '--org needs --all-applications',
      },
    ];
    for (const { env, args = [], says } of cases) {
      const result = await runCli(['audit', ...args, '--json'], {
        env: { ...env, LOSANT_API_URL: mock.url },
      });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(says);
      expect(json<Report>(result)).toMatchObject({ failed: true, exitCode: 2 });
    }
    expect(quiet.requests).toEqual([]);
  });
});
