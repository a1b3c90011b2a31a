import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInDays, msInDays } from './audit-dates.js';
import {
  instanaEnv,
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  processTimeout,
  runCli,
} from './run-cli.js';

interface Report {
  expiringWithin: string;
  failOn: string;
  failed: boolean;
  summary: Record<string, number>;
  sources: {
    vendor: string;
    owner: { kind: string; id?: string };
    tokens: number;
    error: string | null;
  }[];
  findings: {
    severity: string;
    kind: string;
    vendor: string;
    owner: { kind: string; id?: string };
    tokenId: string;
    tokenName: string;
    message: string;
    expiresAt: string | null;
    grants: string[];
  }[];
}

/** The seeded data set: every kind of finding on both vendors, and tokens with none. */
let mock: MockServer;
let applicationId: string;
let env: Record<string, string>;
const secrets: string[] = [];

/** A second server whose worst finding is medium, for the --fail-on thresholds. */
let mild: MockServer;
let mildEnv: Record<string, string>;

beforeAll(async () => {
  [mock, mild] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0 })]);
  applicationId = newApplication(mock);
  const instanceId = mock.losant.instanceId;
  const added = [
    ...mock.store.losant.add('user', [{ name: 'user-admin', scope: ['all.User'] }]),
    ...mock.store.losant.add({ applicationId }, [
      { name: 'expired-active', scope: ['devices.get'], expirationDate: isoInDays(-3) },
      { name: 'expiring-soon', scope: ['devices.get'], expirationDate: isoInDays(5) },
      { name: 'expiring-later', scope: ['devices.get'], expirationDate: isoInDays(20) },
      {
        name: 'switched-off',
        scope: ['devices.get'],
        expirationDate: isoInDays(200),
        status: 'inactive',
      },
      {
        name: 'app-broad',
        scope: ['all.Application', 'devices.get'],
        expirationDate: isoInDays(200),
      },
      { name: 'app-fine', scope: ['devices.get'], expirationDate: isoInDays(200) },
    ]),
    ...mock.store.losant.add({ instanceId }, [
      { name: 'instance-forever', scope: ['instanceApiTokens.get'] },
    ]),
  ];
  const instana = mock.store.instana.add([
    { name: 'tf-admin', canConfigureApiTokens: true, expiresOn: null },
    { name: 'user-manager', canConfigureUsers: true, expiresOn: msInDays(100) },
    { name: 'expired-agent', canConfigureAgents: true, expiresOn: msInDays(-1) },
    { name: 'rotating-soon', canViewLogs: true, expiresOn: msInDays(3) },
    { name: 'logs-reader', canViewLogs: true, expiresOn: msInDays(200) },
  ]);
  secrets.push(
    mock.losant.accessToken,
    mock.instana.apiToken,
    ...added.map((token) => token.token),
    ...instana.map((token) => token.accessGrantingToken),
  );
  env = { ...losantEnv(mock), ...instanaEnv(mock), LOSANT_INSTANCE_ID: instanceId };

  const mildApp = newApplication(mild);
  mild.store.losant.add({ applicationId: mildApp }, [
    { name: 'next-month', scope: ['devices.get'], expirationDate: isoInDays(20) },
    { name: 'parked', scope: ['devices.get'], expirationDate: isoInDays(300), status: 'inactive' },
  ]);
  mildEnv = { ...losantEnv(mild), LOSANT_APPLICATION_ID: mildApp };
});
afterAll(() => Promise.all([mock?.close(), mild?.close()]));

describe.concurrent('tokenkit audit', processTimeout, () => {
  it('reports every finding on both vendors, most urgent first, and exits 1 at the default --fail-on high', async () => {
    const result = await runCli(['audit', '--application', applicationId, '--json'], { env });
    expect(result.code, result.stderr).toBe(1);
    const report = json<Report>(result);
    expect(
      report.findings.map((f) => `${f.severity} ${f.kind} ${f.vendor} ${f.tokenName}`),
    ).toEqual([
      // An over-broad token that never expires: one critical finding, not also a medium one.
      'critical over-broad instana tf-admin',
      'critical over-broad losant user-admin',
      // Within a severity and kind: the soonest (or longest-ago) expiry first.
      'high expired losant expired-active',
      'high expired instana expired-agent',
      'high expiring instana rotating-soon',
      'high expiring losant expiring-soon',
      'high over-broad instana user-manager',
      'high over-broad losant app-broad',
      'medium expiring losant expiring-later',
      'medium never-expiring losant instance-forever',
      'low inactive losant switched-off',
    ]);
    expect(report).toMatchObject({
      expiringWithin: '30d',
      failOn: 'high',
      failed: true,
      summary: { critical: 2, high: 6, medium: 2, low: 1, total: 11, tokens: 13 },
    });
    expect(report.sources).toEqual([
      { vendor: 'losant', owner: { kind: 'user' }, tokens: 1, error: null },
      {
        vendor: 'losant',
        owner: { kind: 'instance', id: mock.losant.instanceId },
        tokens: 1,
        error: null,
      },
      {
        vendor: 'losant',
        owner: { kind: 'application', id: applicationId },
        tokens: 6,
        error: null,
      },
      { vendor: 'instana', owner: { kind: 'tenant' }, tokens: 5, error: null },
    ]);
    const broad = report.findings.find((f) => f.tokenName === 'app-broad');
    expect(broad).toMatchObject({
      owner: { kind: 'application', id: applicationId },
      grants: ['all.Application'],
    });
    expect(
      report.findings.find((f) => f.tokenName === 'tf-admin' && f.kind === 'over-broad')?.grants,
    ).toEqual(['canConfigureApiTokens']);
    expect(report.findings.find((f) => f.tokenName === 'expiring-soon')?.message).toMatch(
      /expires in (4|5) days/,
    );
    expect(leakedSecrets(result, secrets)).toEqual([]);
  });

  it('prints a table for people with a verdict line', async () => {
    const result = await runCli(['audit', '--application', applicationId], { env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^Audit of 13 tokens/);
    // A pipe: tab-separated rows, every value whole (the owner's id included).
    expect(result.stdout).toMatch(/\ncritical\tover-broad\tinstana tenant\ttf-admin\t/);
    expect(result.stdout).toContain(
      `\thigh\tover-broad\tlosant application ${applicationId}\tapp-broad\t`.slice(1),
    );
    expect(result.stdout).toContain('11 findings: 2 critical · 6 high · 2 medium · 1 low');
    expect(leakedSecrets(result, secrets)).toEqual([]);
  });

  it('--fail-on none never fails; --fail-on critical fails on the critical ones', async () => {
    const none = await runCli(
      ['audit', '--application', applicationId, '--fail-on', 'none', '--json'],
      { env },
    );
    expect(none.code, none.stderr).toBe(0);
    expect(json<Report>(none)).toMatchObject({
      failOn: 'none',
      failed: false,
      summary: { total: 11 },
    });
    const critical = await runCli(
      ['audit', '--application', applicationId, '--fail-on', 'critical', '--json'],
      { env },
    );
    expect(critical.code).toBe(1);
  });

  it('gates on the threshold: a medium finding passes --fail-on high and fails --fail-on medium', async () => {
    const high = await runCli(['audit', '--json'], { env: mildEnv });
    expect(high.code, high.stderr).toBe(0);
    expect(
      json<Report>(high).findings.map((f) => `${f.severity} ${f.kind} ${f.tokenName}`),
    ).toEqual(['medium expiring next-month', 'low inactive parked']);
    const medium = await runCli(['audit', '--fail-on', 'medium'], { env: mildEnv });
    expect(medium.code).toBe(1);
    expect(medium.stdout).toContain('failing: at least one finding is medium or worse');
    const low = await runCli(['audit', '--fail-on', 'low', '--expiring-within', '7d', '--json'], {
      env: mildEnv,
    });
    expect(low.code).toBe(1);
    expect(json<Report>(low).findings.map((f) => f.tokenName)).toEqual(['parked']);
  });

  it('--expiring-within narrows the window', async () => {
    const result = await runCli(
      ['audit', '--application', applicationId, '--expiring-within', '10d', '--json'],
      { env },
    );
    const names = json<Report>(result).findings.map((f) => f.tokenName);
    expect(names).toContain('expiring-soon');
    expect(names).not.toContain('expiring-later');
  });

  it('audits one vendor when only one is configured', async () => {
    const result = await runCli(['audit', '--fail-on', 'none', '--json'], {
      env: instanaEnv(mock),
    });
    expect(result.code, result.stderr).toBe(0);
    const report = json<Report>(result);
    expect(report.sources).toEqual([
      { vendor: 'instana', owner: { kind: 'tenant' }, tokens: 5, error: null },
    ]);
  });

  it('an owner that cannot be read still reports the rest, and exits 3 for a rejected token', async () => {
    const result = await runCli(
      ['audit', '--application', applicationId, '--fail-on', 'none', '--json'],
      {
        env: { ...env, INSTANA_API_TOKEN: 'revoked-token-abcdef' },
      },
    );
    expect(result.code).toBe(3);
    const report = json<Report>(result);
    const instana = report.sources.find((source) => source.vendor === 'instana');
    expect(instana?.error).toMatch(/401.*check INSTANA_API_TOKEN/);
    expect(report.findings.some((f) => f.tokenName === 'expired-active')).toBe(true);
    expect(result.stdout + result.stderr).not.toContain('revoked-token-abcdef');
  });

  it('exits 3 when nothing is configured and 2 on a bad option', async () => {
    const nothing = await runCli(['audit']);
    expect(nothing.code).toBe(3);
    expect(nothing.stderr).toContain('nothing to audit');
    const failOn = await runCli(['audit', '--fail-on', 'severe'], { env });
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain("argument 'severe' is invalid");
    const within = await runCli(['audit', '--expiring-within', 'a month'], { env });
    expect(within.code).toBe(2);
    expect(within.stderr).toContain('--expiring-within must be a duration');
  });
});
