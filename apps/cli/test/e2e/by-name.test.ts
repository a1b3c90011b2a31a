import { randomBytes } from 'node:crypto';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanaEnv, json, losantEnv, objectId, processTimeout, runCli } from './run-cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock?.close());

describe.concurrent('--name names a token where an id is asked', processTimeout, () => {
  it('losant get and delete by name; an ambiguous name is refused listing the ids; a missing one is named', async () => {
    const applicationId = objectId();
    const owner = ['--application', applicationId];
    const env = losantEnv(mock);
    // A glob character in a name is matched exactly, not as a pattern.
    const [bot, , twinA, twinB] = mock.store.losant.add({ applicationId }, [
      { name: 'deploy-bot' },
      { name: 'deploy-bot-2' },
      { name: 'twin' },
      { name: 'twin' },
    ]);
    const got = await runCli(
      ['losant', 'tokens', 'get', '--name', 'deploy-bot', ...owner, '--json'],
      { env },
    );
    expect(got.code, got.stderr).toBe(0);
    expect(json<{ apiToken: { id: string } }>(got).apiToken.id).toBe(bot!.id);

    const twins = await runCli(
      ['losant', 'tokens', 'delete', '--name', 'twin', ...owner, '--yes'],
      { env },
    );
    expect(twins.code).toBe(2);
    expect(twins.stderr).toContain(`2 tokens are named "twin" in application ${applicationId}`);
    expect(twins.stderr).toContain(twinA!.id);
    expect(twins.stderr).toContain(twinB!.id);
    expect(mock.store.losant.list({ applicationId })).toHaveLength(4);

    const missing = await runCli(['losant', 'tokens', 'get', '--name', 'deploy-*', ...owner], {
      env,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "deploy-*" in application ${applicationId}`);
    expect(missing.stderr).toContain(`tokenkit losant tokens list --application ${applicationId}`);

    const deleted = await runCli(
      ['losant', 'tokens', 'delete', '--name', 'deploy-bot', ...owner, '--yes'],
      { env },
    );
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(
      mock.store.losant
        .list({ applicationId })
        .map((token) => token.name)
        .sort(),
    ).toEqual(['deploy-bot-2', 'twin', 'twin']);
  });

  it('instana get and delete by name, refused when ambiguous; an id and --name together are refused', async () => {
    const tag = randomBytes(4).toString('hex');
    const env = instanaEnv(mock);
    const [one, twinA, twinB] = mock.store.instana.add([
      { name: `${tag}-one` },
      { name: `${tag}-twin` },
      { name: `${tag}-twin` },
    ]);
    const got = await runCli(['instana', 'tokens', 'get', '--name', `${tag}-one`, '--json'], {
      env,
    });
    expect(got.code, got.stderr).toBe(0);
    expect(json<{ apiToken: { internalId: string } }>(got).apiToken.internalId).toBe(
      one!.internalId,
    );

    const twins = await runCli(['instana', 'tokens', 'get', '--name', `${tag}-twin`], { env });
    expect(twins.code).toBe(2);
    expect(twins.stderr).toContain(`2 tokens are named "${tag}-twin" in the Instana tenant unit`);
    expect(twins.stderr).toContain(twinA!.internalId);
    expect(twins.stderr).toContain(twinB!.internalId);

    const missing = await runCli(
      ['instana', 'tokens', 'delete', '--name', `${tag}-none`, '--yes'],
      { env },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no token named "${tag}-none" in the Instana tenant unit`);

    const both = await runCli(
      ['instana', 'tokens', 'get', one!.internalId, '--name', `${tag}-one`],
      { env },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give the token's internal id or --name, not both");

    const deleted = await runCli(['instana', 'tokens', 'delete', '--name', `${tag}-one`, '--yes'], {
      env,
    });
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(mock.store.instana.get(one!.internalId)).toBeUndefined();
  });
});
