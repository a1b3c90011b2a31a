import { randomBytes } from 'node:crypto';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  json,
  losantEnv,
  newApplication,
  processTimeout,
  type RunResult,
  runCli,
} from './run-cli.js';

// On `update` and `rotate`, `--name` is the new name: the token is chosen by `--token-name`.

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

/** Refused before any request: exit 2 with `message` on stderr and nothing on stdout. */
function expectUsage(result: RunResult, message: string) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stdout).toBe('');
}

describe.concurrent('--token-name chooses the token on update and rotate', processTimeout, () => {
  it('losant update: renames the token named, refuses a missing or shared name, an id beside it, or neither', async () => {
    const applicationId = newApplication(mock);
    const owner = ['--application', applicationId];
    const env = losantEnv(mock);
    const [bot, twinA, twinB] = mock.store.losant.add({ applicationId }, [
      { name: 'deploy-bot' },
      { name: 'twin' },
      { name: 'twin' },
    ]);
    const update = (...args: string[]) =>
      runCli(['losant', 'tokens', 'update', ...args, ...owner], { env });

    const renamed = await update('--token-name', 'deploy-bot', '--name', 'deploy-bot-v2', '--json');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(json<{ apiToken: { id: string; name: string } }>(renamed).apiToken).toMatchObject({
      id: bot!.id,
      name: 'deploy-bot-v2',
    });

    const missing = await update('--token-name', 'deploy-bot', '--name', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "deploy-bot" in application ${applicationId}`);

    const twins = await update('--token-name', 'twin', '--status', 'inactive');
    expectUsage(twins, `2 tokens are named "twin" in application ${applicationId}`);
    expect(twins.stderr).toContain(twinA!.id);
    expect(twins.stderr).toContain(twinB!.id);
    expect(twins.stderr).toContain('instead of --token-name');

    expectUsage(
      await update(bot!.id, '--token-name', 'deploy-bot-v2', '--name', 'y'),
      "give the token's id or --token-name, not both",
    );
    expectUsage(await update('--name', 'y'), "give the token's id, or its name with --token-name");
    expect(
      mock.store.losant
        .list({ applicationId })
        .map((token) => [token.name, token.status])
        .sort(),
    ).toEqual([
      ['deploy-bot-v2', 'active'],
      ['twin', 'active'],
      ['twin', 'active'],
    ]);
  });

  it('instana update: renames the token named, refuses a missing or shared name, an id beside it, or neither', async () => {
    const tag = randomBytes(4).toString('hex');
    const env = instanaEnv(mock);
    const [one, twinA, twinB] = mock.store.instana.add([
      { name: `${tag}-one` },
      { name: `${tag}-twin` },
      { name: `${tag}-twin` },
    ]);
    const update = (...args: string[]) => runCli(['instana', 'tokens', 'update', ...args], { env });

    const renamed = await update('--token-name', `${tag}-one`, '--name', `${tag}-uno`, '--json');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(json<{ apiToken: { internalId: string } }>(renamed).apiToken.internalId).toBe(
      one!.internalId,
    );
    expect(mock.store.instana.get(one!.internalId)?.name).toBe(`${tag}-uno`);

    const missing = await update('--token-name', `${tag}-one`, '--name', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "${tag}-one" in the Instana tenant unit`);

    const twins = await update('--token-name', `${tag}-twin`, '--name', 'x');
    expectUsage(twins, `2 tokens are named "${tag}-twin" in the Instana tenant unit`);
    expect(twins.stderr).toContain(twinA!.internalId);
    expect(twins.stderr).toContain(twinB!.internalId);

    expectUsage(
      await update(one!.internalId, '--token-name', `${tag}-uno`, '--name', 'y'),
      "give the token's internal id or --token-name, not both",
    );
    expectUsage(
      await update('--name', 'y'),
      "give the token's internal id, or its name with --token-name",
    );
    expect(mock.store.instana.get(twinA!.internalId)?.name).toBe(`${tag}-twin`);
  });

  it('losant rotate: replaces the token named; a missing or shared name, an id beside it, or neither leaves every token alone', async () => {
    const applicationId = newApplication(mock);
    const owner = ['--application', applicationId];
    const env = losantEnv(mock);
    const [old] = mock.store.losant.add({ applicationId }, [
      { name: 'ci-key', scope: ['all.Application'] },
      { name: 'twin' },
      { name: 'twin' },
    ]);
    const rotate = (...args: string[]) =>
      runCli(['losant', 'tokens', 'rotate', ...args, ...owner, '--yes', '--json'], { env });

    const rotated = await rotate('--token-name', 'ci-key');
    expect(rotated.code, rotated.stderr).toBe(0);
    const result = json<{ old: { id: string }; new: { id: string; name: string } }>(rotated);
    expect(result.old.id).toBe(old!.id);
    expect(result.new.name).toBe('ci-key');

    const missing = await rotate('--token-name', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "nope" in application ${applicationId}`);

    const twins = await rotate('--token-name', 'twin');
    expectUsage(twins, `2 tokens are named "twin" in application ${applicationId}`);
    expectUsage(
      await rotate(result.new.id, '--token-name', 'ci-key'),
      "give the token's id or --token-name, not both",
    );
    expectUsage(await rotate(), "give the token's id, or its name with --token-name");
    const ids = mock.store.losant.list({ applicationId }).map((token) => token.id);
    expect(ids).toHaveLength(3);
    expect(ids).toContain(result.new.id);
    expect(ids).not.toContain(old!.id);
  });

  it('instana rotate: replaces the token named; a missing or shared name, an id beside it, or neither leaves every token alone', async () => {
    const tag = randomBytes(4).toString('hex');
    const env = instanaEnv(mock);
    const [old] = mock.store.instana.add([
      { name: `${tag}-ci`, canConfigureAgents: true },
      { name: `${tag}-twin` },
      { name: `${tag}-twin` },
    ]);
    const rotate = (...args: string[]) =>
      runCli(['instana', 'tokens', 'rotate', ...args, '--yes', '--json'], { env });
    const count = () => mock.store.instana.list().filter((t) => t.name.startsWith(tag)).length;

    const rotated = await rotate('--token-name', `${tag}-ci`);
    expect(rotated.code, rotated.stderr).toBe(0);
    const result = json<{ old: { internalId: string }; new: { internalId: string } }>(rotated);
    expect(result.old.internalId).toBe(old!.internalId);
    expect(mock.store.instana.get(old!.internalId)).toBeUndefined();
    expect(mock.store.instana.get(result.new.internalId)?.canConfigureAgents).toBe(true);

    const missing = await rotate('--token-name', `${tag}-none`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "${tag}-none" in the Instana tenant unit`);

    expectUsage(
      await rotate('--token-name', `${tag}-twin`),
      `2 tokens are named "${tag}-twin" in the Instana tenant unit`,
    );
    expectUsage(
      await rotate(result.new.internalId, '--token-name', `${tag}-ci`),
      "give the token's internal id or --token-name, not both",
    );
    expectUsage(await rotate(), "give the token's internal id, or its name with --token-name");
    expect(count()).toBe(3);
  });
});
