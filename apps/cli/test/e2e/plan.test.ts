import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  instanaEnv,
  json,
  leakedSecrets,
  losantEnv,
  newApplication,
  processTimeout,
  runCli,
  runInTerminal,
  scriptPath,
} from './run-cli.js';

let mock: MockServer;
let scratch: string;
const dayMs = 86_400_000;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  scratch = await mkdtemp(join(tmpdir(), 'tokenkit-plan-e2e-'));
});
afterAll(async () => {
  await mock.close();
  await rm(scratch, { recursive: true, force: true });
});

function env() {
  return { ...losantEnv(mock), ...instanaEnv(mock) };
}

/** Writes a tokens file in a folder of its own; returns its path. */
async function tokensFile(yaml: string): Promise<string> {
  const folder = await mkdtemp(join(scratch, 'f-'));
  const path = join(folder, 'tokens.yaml');
  await writeFile(path, yaml);
  return path;
}

function run(args: string[], input?: string) {
  return runCli(args, { env: env(), ...(input === undefined ? {} : { input }) });
}

/** The credentials and every secret apply delivered under `folder`: none may show in output. */
async function secretsIn(folder: string): Promise<string[]> {
  const files = ['secrets/wider', 'secrets/aged', 'secrets/instana', 'me.secret'];
  const delivered = await Promise.all(
    files.map(async (file) => (await readFile(join(folder, file), 'utf8')).trim()),
  );
  return [...delivered, mock.losant.accessToken, mock.instana.apiToken];
}

describe('tokenkit plan / apply', () => {
  it(
    'plans every action for all three Losant owners and Instana, applies them, then plans no changes',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      const instance = mock.losant.instanceId;
      const old = new Date(Date.now() - 100 * dayMs).toISOString();
      mock.store.losant.add({ applicationId: app }, [
        { name: 'desc', scope: ['devices.get'], description: 'before' },
        { name: 'wider', scope: ['devices.get'] },
        { name: 'stray', scope: ['devices.get'] },
      ]);
      mock.store.losant.add({ instanceId: instance }, [
        { name: `aged-${app}`, scope: ['all.Instance.read'], creationDate: old },
      ]);
      mock.store.instana.add([{ name: `perm-${app}`, canViewLogs: true }]);
      const path = await tokensFile(`version: 1
losant:
  - { name: desc, application: ${app}, scope: [devices.get], description: after }
  - { name: wider, application: ${app}, scope: [devices.get, devices.post], deliver: { out: ./secrets/wider } }
  - { name: aged-${app}, instance: ${instance}, scope: [all.Instance.read], rotateAfter: 60d, deliver: { out: ./secrets/aged } }
  - { name: me-${app}, user: true, scope: [all.User.read], expires: 30d, deliver: { exec: "cat > me.secret" } }
instana:
  - { name: perm-${app}, permissions: [canViewLogs, canConfigureAgents] }
  - { name: new-${app}, permissions: [canViewLogs], deliver: { out: ./secrets/instana } }
prune:
  losant: [{ application: ${app} }]
`);
      const plan = await run(['plan', '-f', path, '--prune', '--json', '--detailed-exitcode']);
      expect(plan.code).toBe(2);
      const changes = json<{ changes: Record<string, string>[] }>(plan).changes;
      expect(changes.map((c) => `${c.action} ${c.vendor} ${c.owner} ${c.name}`).sort()).toEqual(
        [
          `create instana tenant new-${app}`,
          `create losant user me-${app}`,
          `delete losant application:${app} stray`,
          `replace losant application:${app} wider`,
          `rotate losant instance:${instance} aged-${app}`,
          `update instana tenant perm-${app}`,
          `update losant application:${app} desc`,
        ].sort(),
      );
      const human = await run(['plan', '-f', path, '--prune']);
      expect(human.code).toBe(0);
      for (const mark of ['  + create', '  ~ update', '-/+ replace', '  ↻ rotate', '  - delete']) {
        expect(human.stdout).toContain(mark);
      }
      expect(human.stdout).toContain(
        'Plan: 2 to create, 2 to update, 1 to replace, 1 to rotate, 1 to delete.',
      );

      const applied = await run(['apply', '-f', path, '--prune', '--yes', '--json']);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      const result = json<{ applied: { action: string }[]; failed: unknown[] }>(applied);
      expect(result.failed).toEqual([]);
      expect(result.applied).toHaveLength(7);
      const folder = join(path, '..');
      expect((await stat(join(folder, 'secrets'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(folder, 'secrets/wider'))).mode & 0o777).toBe(0o600);
      const instanaSecret = (await readFile(join(folder, 'secrets/instana'), 'utf8')).trim();
      expect(
        mock.store.instana.list().find((t) => t.name === `new-${app}`)?.accessGrantingToken,
      ).toBe(instanaSecret);
      expect((await readFile(join(folder, 'me.secret'), 'utf8')).trim()).not.toBe('');
      expect(leakedSecrets(applied, await secretsIn(folder))).toEqual([]);

      const again = await run(['plan', '-f', path, '--prune', '--detailed-exitcode']);
      expect(again.stdout).toContain('No changes.');
      expect(again.code).toBe(0);
    },
  );

  it(
    'a bad file exits 2 before any request, naming the entry and field with did-you-mean',
    processTimeout,
    async () => {
      const path = await tokensFile(`version: 1
losant:
  - { name: ok, user: true, scope: [all.User] }
  - { name: p-new, application: 5f0c0000000000000000000a, user: true, scope: [all.usr], expires: 9 days }
`);
      mock.clearRequests();
      const result = await run(['plan', '-f', path]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "losant[1] (p-new).scope[0]: unknown Losant scope 'all.usr'; did you mean 'all.User'?",
      );
      expect(result.stderr).toContain('losant[1] (p-new): needs exactly one owner');
      expect(result.stderr).toContain('losant[1] (p-new).expires: must be a duration');
      expect(result.stderr).toContain('is not a valid tokens file (3 problems, listed above)');
      expect(mock.requests).toEqual([]);
      const detailed = await run(['plan', '-f', path, '--detailed-exitcode']);
      expect(detailed.code).toBe(1);
    },
  );

  it(
    '--prune without a prune section, and apply without a terminal or --yes, exit 2 and change nothing',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      const path = await tokensFile(
        `version: 1\nlosant:\n  - { name: x, application: ${app}, scope: [], deliver: { out: ./x } }\n`,
      );
      const prune = await run(['plan', '-f', path, '--prune']);
      expect(prune.code).toBe(2);
      expect(prune.stderr).toContain('--prune needs a prune section');
      mock.clearRequests();
      const apply = await run(['apply', '-f', path]);
      expect(apply.code).toBe(2);
      expect(apply.stderr).toContain('pass --yes to confirm in a script');
      expect(mock.requests).toEqual([]);
      const missing = await run(['plan', '-f', join(scratch, 'nope.yaml')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('cannot read it (ENOENT)');
    },
  );

  it(
    'a failed delivery exits 1 with the others applied, and a re-run converges',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      const failing = await tokensFile(`version: 1
losant:
  - { name: good, application: ${app}, scope: [devices.get], deliver: { out: ./good } }
  - { name: bad, application: ${app}, scope: [devices.get], deliver: { exec: "exit 7" } }
`);
      const first = await run(['apply', '-f', failing, '--yes']);
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/✗ {3}\+ create {2}losant application:\S+ bad/);
      expect(first.stdout).toMatch(
        /delivery failed; the new token \S+ was deleted, nothing changed \(exec "exit 7" exited with code 7\)/,
      );
      expect(first.stdout).toContain('Apply complete: 1 applied, 1 failed');
      expect(mock.store.losant.list({ applicationId: app }).map((t) => t.name)).toEqual(['good']);
      await writeFile(
        failing,
        (await readFile(failing, 'utf8')).replace('exit 7', 'cat > bad.secret'),
      );
      const second = await run(['apply', '-f', failing, '--yes', '--json']);
      expect(second.code).toBe(0);
      expect(json<{ applied: { name: string }[] }>(second).applied.map((r) => r.name)).toEqual([
        'bad',
      ]);
      expect(
        mock.store.losant
          .list({ applicationId: app })
          .map((t) => t.name)
          .sort(),
      ).toEqual(['bad', 'good']);
    },
  );

  it(
    '5xx on every create attempt and a lost answer: exit 1, nothing lost, and a re-run converges',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      const path = await tokensFile(`version: 1
losant:
  - { name: refused, application: ${app}, scope: [devices.get], deliver: { out: ./refused } }
instana:
  - { name: lost-${app}, permissions: [canViewLogs], deliver: { out: ./lost } }
`);
      mock.faults.failNext(10, { status: 503, route: 'applicationApiTokens.post' });
      mock.faults.dropNext(1, { when: 'mid-body', route: 'postApiToken' });
      const first = await run(['apply', '-f', path, '--yes', '--json']);
      mock.faults.clear();
      expect(first.code).toBe(1);
      const result = json<{
        applied: { name: string }[];
        failed: { name: string; error: string }[];
      }>(first);
      expect(result.failed.map((f) => f.name)).toEqual(['refused']);
      expect(result.applied.map((f) => f.name)).toEqual([`lost-${app}`]);
      expect(mock.store.losant.list({ applicationId: app })).toEqual([]);
      const lost = mock.store.instana.list().filter((t) => t.name === `lost-${app}`);
      expect(lost).toHaveLength(1);
      expect((await readFile(join(path, '..', 'lost'), 'utf8')).trim()).toBe(
        lost[0]?.accessGrantingToken,
      );
      const second = await run(['apply', '-f', path, '--yes']);
      expect(second.code).toBe(0);
      expect(mock.store.losant.list({ applicationId: app }).map((t) => t.name)).toEqual([
        'refused',
      ]);
      expect((await run(['plan', '-f', path, '--detailed-exitcode'])).code).toBe(0);
    },
  );

  it.skipIf(!scriptPath)(
    'asks at a terminal; no leaves everything as it was (exit 4)',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      const path = await tokensFile(
        `version: 1\nlosant:\n  - { name: x, application: ${app}, scope: [], deliver: { out: ./x } }\n`,
      );
      const result = await runInTerminal(['apply', '-f', path], { answer: 'n\r', env: env() });
      expect(result.stdout).toContain('Apply these 1 changes? [y/N]');
      expect(result.code).toBe(4);
      expect(mock.store.losant.list({ applicationId: app })).toEqual([]);
    },
  );
});

describe('tokenkit import', () => {
  it(
    'writes a tokens file with deliveries to fill in, refuses to overwrite, and plans to no changes',
    processTimeout,
    async () => {
      const app = newApplication(mock);
      mock.store.losant.add({ applicationId: app }, [
        { name: 'ci', scope: ['devices.get'], description: 'ci' },
      ]);
      const folder = await mkdtemp(join(scratch, 'import-'));
      const path = join(folder, 'tokens.yaml');
      const result = await run(['import', '--application', app, '-f', path]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`Imported 1 tokens to ${path}`);
      const text = await readFile(path, 'utf8');
      expect(text).toContain('deliver: null # FILL IN');
      expect((await run(['import', '--application', app, '-f', path])).code).toBe(2);
      const plan = await run(['plan', '-f', path, '--detailed-exitcode']);
      expect(plan.code).toBe(0);
      const usage = await run(['import']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('name what to import');
    },
  );
});
