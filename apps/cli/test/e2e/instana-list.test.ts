import { randomBytes } from 'node:crypto';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanaEnv, json, processTimeout, type RunResult, runCli } from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

const names = (result: RunResult) =>
  json<{ tokens: { name: string }[] }>(result).tokens.map((token) => token.name);

describe.concurrent('instana tokens list sorts and filters, client-side', processTimeout, () => {
  it('--filter keeps matching names; --sort-field and --sort-direction order them', async () => {
    const tag = randomBytes(4).toString('hex');
    const day = 86_400_000;
    mock.store.instana.add([
      { name: `${tag}-ci-b`, expiresOn: Date.parse('2027-03-01') },
      { name: `${tag}-ci-a`, expiresOn: null },
      { name: `${tag}-ci-c`, expiresOn: Date.parse('2027-03-01') - day },
      { name: `${tag}-other` },
    ]);
    const env = instanaEnv(mock);
    const filter = ['--filter', `${tag.toUpperCase()}-CI-*`];
    const byName = await runCli(
      ['instana', 'tokens', 'list', ...filter, '--sort-field', 'name', '--json'],
      { env },
    );
    expect(byName.code, byName.stderr).toBe(0);
    expect(names(byName)).toEqual([`${tag}-ci-a`, `${tag}-ci-b`, `${tag}-ci-c`]);
    const byExpiry = await runCli(
      [
        'instana',
        'tokens',
        'list',
        ...filter,
        '--sort-field',
        'expiresOn',
        '--sort-direction',
        'desc',
        '--json',
      ],
      { env },
    );
    // A token that never expires sorts after every date.
    expect(names(byExpiry)).toEqual([`${tag}-ci-a`, `${tag}-ci-b`, `${tag}-ci-c`]);
    const limited = await runCli(
      [
        'instana',
        'tokens',
        'list',
        '--filter',
        `${tag}-ci-?`,
        '--sort-direction',
        'desc',
        '--limit',
        '2',
      ],
      { env },
    );
    expect(
      limited.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[1]),
    ).toEqual([`${tag}-ci-c`, `${tag}-ci-b`]);
  });

  it('refuses an unknown sort field, naming the choices, and says in help that it is client-side', async () => {
    const bad = await runCli(['instana', 'tokens', 'list', '--sort-field', 'status'], {
      env: instanaEnv(mock),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Allowed choices are name, internalId, createdOn, expiresOn, lastUsedOn',
    );
    const help = await runCli(['instana', 'tokens', 'list', '--help']);
    expect(help.stdout).toContain("Instana's API can neither sort nor filter");
  });
});
