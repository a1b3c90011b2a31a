import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanaEnv, losantEnv, objectId, processTimeout, runCli } from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

const scopes = [
  'devices.get',
  'devices.post',
  'device.get',
  'device.patch',
  'data.timeSeriesQuery',
];
const expires = '2027-01-15T08:30:00.000Z';

describe.concurrent('a pipe gets whole values, as gh does', processTimeout, () => {
  it('losant tokens list: every scope, the expiry as the API gives it, empty when none', async () => {
    const applicationId = objectId();
    const [broad, open] = mock.store.losant.add({ applicationId }, [
      { name: 'broad', scope: scopes, expirationDate: expires },
      { name: 'open-ended', scope: ['devices.get'] },
    ]);
    const result = await runCli(['losant', 'tokens', 'list', '--application', applicationId], {
      env: losantEnv(mock),
    });
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows).toContainEqual([broad!.id, 'broad', 'active', expires, scopes.join(',')]);
    expect(rows).toContainEqual([open!.id, 'open-ended', 'active', '', 'devices.get']);
    expect(result.stdout).not.toMatch(/more|never|—|\(\d+d\)/);
  });

  it('losant tokens get: full date-times, empty when there is none', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [{ name: 'open', scope: scopes }]);
    const result = await runCli(
      ['losant', 'tokens', 'get', token!.id, '--application', applicationId],
      { env: losantEnv(mock) },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ {2}expires *$/m);
    expect(result.stdout).toContain(`created      ${token!.creationDate}`);
    expect(result.stdout).toMatch(/created {6}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  });

  it('instana tokens list and get: every permission, epoch dates as ISO 8601', async () => {
    const expiresOn = Date.parse(expires);
    const lastUsedOn = Date.parse('2026-11-02T10:11:12.345Z');
    const [token] = mock.store.instana.add([
      {
        name: 'whole-values',
        expiresOn,
        lastUsedOn,
        canConfigureAgents: true,
        canViewLogs: true,
        canConfigureUsers: true,
        canViewAuditLog: true,
      },
    ]);
    const env = instanaEnv(mock);
    const result = await runCli(['instana', 'tokens', 'list'], { env });
    expect(result.code, result.stderr).toBe(0);
    const row = result.stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .find((cells) => cells[0] === token!.internalId);
    expect(row).toBeDefined();
    expect(row![2]).toBe(expires);
    expect(row![3]!.split(',').sort()).toEqual(
      ['canConfigureAgents', 'canConfigureUsers', 'canViewAuditLog', 'canViewLogs'].sort(),
    );
    expect(row![4]).toBe('2026-11-02T10:11:12.345Z');

    const got = await runCli(['instana', 'tokens', 'get', token!.internalId], { env });
    expect(got.stdout).toContain(`expires      ${expires}`);
    expect(got.stdout).toContain('last used    2026-11-02T10:11:12.345Z');
  });
});
