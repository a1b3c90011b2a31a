import { stripVTControlCharacters } from 'node:util';
import { type MockServer, type RequestLogEntry, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, losantEnv, processTimeout, runCli, runInTerminal, scriptPath } from './run-cli.js';

interface Report {
  failed: boolean;
  exitCode: number;
  error: string | null;
  summary: Record<string, number>;
  sources: {
    vendor: string;
    owner: { kind: string; id?: string; name?: string };
    tokens: number;
  }[];
  notAudited: { owner: { kind: string; id?: string }; status: number | null; skipped: boolean }[];
  findings: { owner: { kind: string; id?: string } }[];
}

/** Every request waits this long at the server, so requests in flight overlap in time. */
const latencyMs = 25;
const orgId = 'a0a0a0a0a0a0a0a0a0a0a0a0';

/**
 * The most requests the log shows in flight at once. Each request stays in flight for at least
 * `latencyMs` after it arrives, so all requests that arrived within one such window (less a
 * millisecond for the clock's rounding) were in flight together when the last of them arrived.
 */
function peakInFlight(log: readonly RequestLogEntry[]): number {
  const arrivals = log.map((entry) => entry.time.getTime()).sort((a, b) => a - b);
  let peak = 0;
  for (let last = 0, first = 0; last < arrivals.length; last++) {
    while (arrivals[last]! - arrivals[first]! > latencyMs - 2) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/** One server per test: the request log of each shows only that run. */
async function seeded(): Promise<MockServer> {
  const mock = await startMockServer({ port: 0 });
  mock.store.losant.addApplications(240, { tokensEach: 3 });
  mock.store.losant.addApplications(30, { tokensEach: 2, orgId, organizationName: 'Acme' });
  mock.store.losant.add('user', [{ name: 'me', scope: ['all.User'] }]);
  mock.faults.latency({ ms: latencyMs });
  return mock;
}

const servers: MockServer[] = [];
afterAll(() => Promise.all(servers.map((mock) => mock.close())));

async function server(): Promise<MockServer> {
  const mock = await seeded();
  servers.push(mock);
  return mock;
}

describe.concurrent('tokenkit audit --all-applications', processTimeout, () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await server();
  });

  it('audits every application the token can see; the counts match the store', async () => {
    const result = await runCli(
      ['audit', '--all-applications', '--concurrency', '4', '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = json<Report>(result);
    const apps = mock.store.losant.listApplications();
    const applicationSources = report.sources.filter((s) => s.owner.kind === 'application');
    expect(new Set(applicationSources.map((s) => s.owner.id))).toEqual(
      new Set(apps.map((a) => a.id)),
    );
    for (const source of applicationSources) {
      expect(source.tokens).toBe(
        mock.store.losant.list({ applicationId: source.owner.id! }).length,
      );
    }
    const storeTokens =
      apps.reduce((sum, app) => sum + mock.store.losant.list({ applicationId: app.id }).length, 0) +
      mock.store.losant.list('user').length;
    expect(report.summary.tokens).toBe(storeTokens);
    expect(report.sources.find((s) => s.owner.name === apps[0]?.name)).toBeDefined();
    expect(report.notAudited).toEqual([]);
    // The findings are written a few dozen at a time; the document is JSON.stringify's, exactly.
    expect(report.findings.length).toBeGreaterThan(500);
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // Not a terminal and no --verbose: nothing on stderr.
    expect(result.stderr).toBe('');
    expect(peakInFlight(mock.requests)).toBeLessThanOrEqual(4);
    expect(peakInFlight(mock.requests)).toBeGreaterThan(1);
  });
});

describe.concurrent('tokenkit audit --all-applications, failing owners', processTimeout, () => {
  it('--verbose prints a line per owner (and per request) on stderr, also when it is not a terminal', async () => {
    const mock = await server();
    const result = await runCli(
      ['audit', '--all-applications', '--org', orgId, '--verbose', '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    const all = result.stderr.trim().split('\n');
    // The global --verbose also prints a line per HTTP attempt; the rest is one line per owner.
    expect(all.filter((line) => line.startsWith('api: GET')).length).toBeGreaterThanOrEqual(32);
    const lines = all.filter((line) => !line.startsWith('api: '));
    expect(lines).toHaveLength(31);
    expect(lines).toContainEqual(expect.stringMatching(/^losant user: 1 token, \d+ findings?$/));
    expect(
      lines.filter((line) =>
        /^losant application [a-f\d]{24} \(.+\): 2 tokens, \d+ findings?$/.test(line),
      ),
    ).toHaveLength(30);
  });

  it('--org audits one organization’s applications', async () => {
    const mock = await server();
    const result = await runCli(
      ['audit', '--all-applications', '--org', orgId, '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    const report = json<Report>(result);
    const ids = report.sources.filter((s) => s.owner.kind === 'application').map((s) => s.owner.id);
    const acme = mock.store.losant.listApplications().filter((a) => a.ownerId === orgId);
    expect(ids.sort()).toEqual(acme.map((a) => a.id).sort());
    expect(ids).toHaveLength(30);
  });

  it('a 403 on some applications and a burst of 429s leave the rest audited, within the limit', async () => {
    const mock = await server();
    const apps = mock.store.losant.listApplications();
    const refused = apps.slice(10, 13).map((app) => app.id);
    for (const id of refused) {
      mock.faults.failNext(1, { status: 403, route: `/applications/${id}/tokens` });
    }
    mock.faults.failNext(12, { status: 429, retryAfter: '1', route: 'applicationApiTokens.get' });
    const result = await runCli(
      ['audit', '--all-applications', '--concurrency', '3', '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    expect(result.code).toBe(3);
    const report = json<Report>(result);
    expect(report).toMatchObject({ failed: true, exitCode: 3 });
    expect(report.error).toMatch(/^3 owners could not be audited: .*403/);
    expect(report.notAudited.map((n) => n.owner.id).sort()).toEqual([...refused].sort());
    expect(report.notAudited.every((n) => n.status === 403 && !n.skipped)).toBe(true);
    const audited = report.sources.filter(
      (s) => s.owner.kind === 'application' && !refused.includes(s.owner.id!),
    );
    expect(audited).toHaveLength(apps.length - 3);
    for (const source of audited) {
      expect(source.tokens).toBe(
        mock.store.losant.list({ applicationId: source.owner.id! }).length,
      );
    }
    const rateLimited = mock.requests.filter((entry) => entry.status === 429);
    expect(rateLimited).toHaveLength(12);
    expect(peakInFlight(mock.requests)).toBeLessThanOrEqual(3);
  });

  it('a failed application listing is reported and fails the run; named owners are still audited', async () => {
    const mock = await server();
    mock.faults.failNext(1, { status: 403, route: '/applications' });
    const named = mock.store.losant.listApplications()[0]!.id;
    const result = await runCli(
      ['audit', '--all-applications', '--application', named, '--fail-on', 'none', '--json'],
      { env: losantEnv(mock) },
    );
    expect(result.code).toBe(3);
    const report = json<Report>(result);
    expect(report.notAudited).toEqual([
      expect.objectContaining({ owner: { kind: 'applications' }, status: 403, skipped: false }),
    ]);
    expect(report.sources.map((s) => s.owner.id ?? s.owner.kind)).toEqual(['user', named]);
  });
});

describe.skipIf(!scriptPath)(
  'tokenkit audit --all-applications at a terminal',
  processTimeout,
  () => {
    it('draws one progress line on stderr and fits the findings table to 80 columns', async () => {
      const mock = await server();
      mock.faults.failNext(2, { status: 429, retryAfter: '1', route: 'applicationApiTokens.get' });
      const result = await runInTerminal(['audit', '--all-applications', '--fail-on', 'none'], {
        columns: 80,
        env: losantEnv(mock),
      });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toMatch(/auditing \d+ of \d+ owners · \d+ tokens read · \d+ findings/);
      expect(result.stdout).toMatch(/rate-limited: waiting \d+ s/);
      // The progress line is cleared before the report: no line of the report carries it.
      const screen = stripVTControlCharacters(result.stdout.split('\r').at(-1) ?? '');
      const report = result.stdout.slice(result.stdout.indexOf('Audit of'));
      const table = report.slice(0, report.indexOf('To fix:')).split('\n');
      // Over 40 findings: the summary, its table of findings by rule and severity included.
      expect(table.some((line) => line.includes('Findings by rule and severity:'))).toBe(true);
      for (const line of table)
        expect(stripVTControlCharacters(line).length).toBeLessThanOrEqual(80);
      expect(screen).not.toContain('auditing');
    });
  },
);
