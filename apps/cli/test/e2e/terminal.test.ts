import { stripVTControlCharacters } from 'node:util';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  json,
  losantEnv,
  objectId,
  processTimeout,
  runCli,
  runInTerminal,
  scriptPath,
} from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

const evilName = 'evil\u001b[31mRED\nline2';
const longName = 'a-rather-long-token-name-for-the-nightly-deploy-pipeline-of-the-plant';

/**
 * The table's lines on the screen, colour codes removed: the summary note after it is prose on
 * stderr, which the terminal wraps.
 */
function screenLines(text: string): string[] {
  return stripVTControlCharacters(text)
    .split('\n')
    .filter((line) => line.length > 0 && !/ of \d+ tokens|API tokens?\b/.test(line));
}

describe.concurrent('output that is safe for a terminal', processTimeout, () => {
  it('shows control characters in server text as escapes, in a pipe, a table and get', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [
      { name: evilName, description: 'bell\u0007 and C1 \u009b2J', scope: ['devices.get'] },
    ]);
    const env = { ...losantEnv(mock), NO_COLOR: '1' };
    const piped = await runCli(['losant', 'tokens', 'list', '--application', applicationId], {
      env,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toContain('\u001b');
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    expect(piped.stdout).toContain('evil\\e[31mRED\\nline2');

    const got = await runCli(
      ['losant', 'tokens', 'get', token!.id, '--application', applicationId],
      {
        env,
      },
    );
    expect(got.stdout).toContain('evil\\e[31mRED\\nline2');
    expect(got.stdout).toContain('bell\\x07 and C1 \\x9b2J');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character but newline may remain.
    expect(got.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);

    // --json stays the exact JSON of what the server holds.
    const asJson = await runCli(
      ['losant', 'tokens', 'get', token!.id, '--application', applicationId, '--json'],
      { env },
    );
    expect(json<{ apiToken: { name: string } }>(asJson).apiToken.name).toBe(evilName);
  });

  it('Instana names are escaped too, with colour forced', async () => {
    const [token] = mock.store.instana.add([{ name: evilName, canViewLogs: true }]);
    const result = await runCli(['instana', 'tokens', 'get', token!.internalId], {
      env: { ...instanaEnv(mock), FORCE_COLOR: '1' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('evil\\e[31mRED\\nline2');
    expect(result.stdout).not.toContain('\u001b[31mRED');
  });

  it.skipIf(!scriptPath)('the list footer wraps to fit a 50-column terminal', async () => {
    const applicationId = objectId();
    mock.store.losant.add({ applicationId }, 3);
    const result = await runInTerminal(
      ['losant', 'tokens', 'list', '--application', applicationId, '--per-page', '2'],
      { columns: 50, env: { ...losantEnv(mock), NO_COLOR: '1' } },
    );
    expect(result.code, result.stdout).toBe(0);
    const lines = stripVTControlCharacters(result.stdout).trimEnd().split('\n');
    expect(lines.filter((line) => [...line].length > 50)).toEqual([]);
    const footer = lines.slice(lines.findIndex((line) => line.startsWith('2 of 3 tokens')));
    expect(footer.join(' ')).toBe(
      `2 of 3 tokens, page 0, application ${applicationId} (next: --page 1, or --all)`,
    );
  });

  it('a pipe gets tab-separated rows, nothing cut and no header', async () => {
    const applicationId = objectId();
    const [token] = mock.store.losant.add({ applicationId }, [
      { name: longName, scope: ['devices.get', 'devices.post', 'data.export'] },
    ]);
    const result = await runCli(['losant', 'tokens', 'list', '--application', applicationId], {
      env: losantEnv(mock),
    });
    expect(result.stdout).toBe(
      `${token!.id}\t${longName}\tactive\t\tdevices.get,devices.post,data.export\n`,
    );
  });

  it('refuses impossible dates on both vendors (exit 2), before any request', async () => {
    for (const date of ['2027-02-30', '2027-13-45', '2027-04-31']) {
      const losant = await runCli(
        [
          'losant',
          'tokens',
          'create',
          '--user',
          '--name',
          'x',
          '--scope',
          'devices.get',
          '--expires',
          date,
        ],
        { env: losantEnv(mock) },
      );
      expect(losant.code).toBe(2);
      expect(losant.stderr).toContain(`--expires is not a real date: "${date}"`);
      const instana = await runCli(
        ['instana', 'tokens', 'create', '--name', 'x', '--expires', date],
        {
          env: instanaEnv(mock),
        },
      );
      expect(instana.code).toBe(2);
      expect(instana.stderr).toContain(`--expires is not a real date: "${date}"`);
    }
    const leap = await runCli(
      [
        'losant',
        'tokens',
        'create',
        '--user',
        '--name',
        'leap',
        '--scope',
        'devices.get',
        '--expires',
        '2028-02-29',
        '--json',
      ],
      { env: losantEnv(mock) },
    );
    expect(leap.code, leap.stderr).toBe(0);
  });

  it('NO_COLOR wins over FORCE_COLOR, with no warning from Node', async () => {
    const result = await runCli(['losant', 'tokens', 'list'], {
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(result.stderr).toBe(
      'error: say whose tokens: --instance ID, --application ID or --user\n',
    );
  });
});

describe.skipIf(!scriptPath).concurrent('at a terminal', processTimeout, () => {
  it.each([80, 50])(
    'fits a Losant table in %i columns, ids whole, long names cut with …',
    async (columns) => {
      const applicationId = objectId();
      const tokens = mock.store.losant.add({ applicationId }, [
        {
          name: longName,
          scope: ['all.Application', 'devices.get', 'data.export'],
          description: 'd',
        },
        { name: 'short', scope: ['devices.get'], expirationDate: '2099-01-01T00:00:00.000Z' },
      ]);
      const result = await runInTerminal(
        ['losant', 'tokens', 'list', '--application', applicationId],
        {
          columns,
          env: losantEnv(mock),
        },
      );
      expect(result.code, result.stdout).toBe(0);
      const lines = screenLines(result.stdout);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(lines[0]).toMatch(/^ID\s+NAME/);
      for (const token of tokens) expect(result.stdout).toContain(token.id);
      expect(result.stdout).toContain('…');
      expect(result.stdout).not.toContain(longName);
    },
  );

  it.each([80, 50])('fits an Instana table in %i columns', async (columns) => {
    mock.store.instana.add([
      { name: longName, canConfigureAgents: true, canViewLogs: true, canConfigureUsers: true },
    ]);
    const result = await runInTerminal(['instana', 'tokens', 'list'], {
      columns,
      env: instanaEnv(mock),
    });
    expect(result.code, result.stdout).toBe(0);
    for (const line of screenLines(result.stdout)) {
      expect(line.length, line).toBeLessThanOrEqual(columns);
    }
    expect(screenLines(result.stdout)[0]).toMatch(/^INTERNAL ID\s+NAME/);
  });

  it.each([
    ['n', 'n\r'],
    ['Enter', '\r'],
    ['Ctrl-C', '\u0003'],
  ])(
    'declining a delete with %s exits 4 and keeps the token, --json says so',
    async (_key, answer) => {
      const [token] = mock.store.instana.add([{ name: 'kept' }]);
      const result = await runInTerminal(
        ['instana', 'tokens', 'delete', token!.internalId, '--json'],
        { answer, env: instanaEnv(mock) },
      );
      expect(result.code).toBe(4);
      expect(result.stdout).toContain('Cancelled: nothing was deleted.');
      expect(result.stdout).toContain('"deleted": false');
      expect(mock.store.instana.get(token!.internalId)).toBeDefined();
    },
  );
});
