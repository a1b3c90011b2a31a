import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan, makePlan, PruneScopeError, parseTokensFile, planJson } from '../src/index.js';
import { usePlanFixture } from './fixture.js';

const fixture = usePlanFixture();
const dayMs = 86_400_000;
let counter = 0;

/** A fresh application id per test keeps tests apart in the shared mock. */
function newApplication(): string {
  counter += 1;
  return `${'a'.repeat(18)}${String(counter).padStart(6, '0')}`;
}

/** The token id a mock Losant secret (a JWT) names. */
function subjectOf(secret: string): string {
  return JSON.parse(Buffer.from(secret.split('.')[1] ?? '', 'base64url').toString()).sub;
}

function file(yaml: string) {
  return parseTokensFile(yaml, 'tokens.yaml', fixture().scratch);
}

describe('plan', () => {
  it('gives each declared token one action, with reasons, and lists undeclared ones as unmanaged', async () => {
    const { mock, connections } = fixture();
    const app = newApplication();
    const old = new Date(Date.now() - 100 * dayMs).toISOString();
    mock.store.losant.add({ applicationId: app }, [
      { name: 'same', scope: ['devices.get'], description: 'd' },
      { name: 'renamed-desc', scope: ['devices.get'], description: 'before' },
      { name: 'wider', scope: ['devices.get'] },
      { name: 'aged', scope: ['devices.get'], creationDate: old },
      { name: 'twice', scope: ['devices.get'] },
      { name: 'twice', scope: ['devices.get'] },
      { name: 'stray', scope: ['devices.get'] },
    ]);
    const plan = await makePlan(
      file(`version: 1
losant:
  - { name: same, application: ${app}, scope: [devices.get], description: d }
  - { name: renamed-desc, application: ${app}, scope: [devices.get], description: after }
  - { name: wider, application: ${app}, scope: [devices.get, devices.post], deliver: { out: ./w } }
  - { name: aged, application: ${app}, scope: [devices.get], rotateAfter: 60d, deliver: { out: ./a } }
  - { name: twice, application: ${app}, scope: [devices.get] }
  - { name: fresh, application: ${app}, scope: [devices.get], deliver: { out: ./f } }
`),
      { losant: connections.losant },
    );
    const json = planJson(plan);
    const byName = Object.fromEntries(json.changes.map((change) => [change.name, change]));
    expect(byName.fresh).toMatchObject({
      action: 'create',
      vendor: 'losant',
      owner: `application:${app}`,
      id: null,
    });
    expect(byName['renamed-desc']).toMatchObject({
      action: 'update',
      reasons: ['description: "before" → "after"'],
    });
    expect(byName.wider).toMatchObject({ action: 'replace', reasons: ['scope: +devices.post'] });
    expect(byName.aged?.action).toBe('rotate');
    expect(byName.aged?.reasons[0]).toMatch(/^created 100d ago, rotateAfter 60d$/);
    expect(json.unchanged.map((token) => token.name)).toEqual(['same']);
    expect(json.conflicts).toMatchObject([{ action: 'conflict', name: 'twice', id: null }]);
    expect(json.unmanaged).toMatchObject([{ action: 'unmanaged', name: 'stray' }]);
  });

  it('prunes only inside the prune scopes, never the authenticating token, and refuses --prune without them', async () => {
    const { mock, connections } = fixture();
    const app = newApplication();
    const other = newApplication();
    mock.store.losant.add({ applicationId: app }, [{ name: 'gone', scope: ['devices.get'] }]);
    mock.store.losant.add({ applicationId: other }, [{ name: 'kept', scope: ['devices.get'] }]);
    const [self] = mock.store.losant.add({ applicationId: app }, [
      { name: 'self', scope: ['all.Application'] },
    ]);
    const tokens = file(`version: 1
losant:
  - { name: kept, application: ${other}, scope: [devices.get] }
prune:
  losant: [{ application: ${app} }]
`);
    const asSelf = { losant: { ...connections.losant!, credential: self!.token } };
    const plan = planJson(await makePlan(tokens, asSelf, { prune: true }));
    expect(plan.changes).toMatchObject([
      { action: 'delete', name: 'gone', owner: `application:${app}` },
    ]);
    expect(plan.unmanaged).toMatchObject([
      { name: 'self', reasons: ['tokenkit authenticates with this token: never deleted'] },
    ]);
    const unpruned = planJson(await makePlan(tokens, asSelf));
    expect(unpruned.changes).toEqual([]);
    const noScopes = file(`version: 1\nlosant: []\n`);
    await expect(makePlan(noScopes, connections, { prune: true })).rejects.toBeInstanceOf(
      PruneScopeError,
    );
  });
});

describe('apply', () => {
  it('rotates and updates Instana tokens through the engine: permissions as declared, expiry from the file', async () => {
    const { mock, connections, scratch } = fixture();
    const tag = newApplication();
    const old = Date.now() - 100 * dayMs;
    mock.store.instana.add([
      { name: `rot-${tag}`, canViewLogs: true, createdOn: old },
      { name: `upd-${tag}`, canViewLogs: true },
    ]);
    const before = mock.store.instana.list().find((t) => t.name === `rot-${tag}`);
    const tokens = file(`version: 1
instana:
  - { name: rot-${tag}, permissions: [canViewLogs, canConfigureAgents], rotateAfter: 60d, expires: 30d, deliver: { out: ./rot-${tag} } }
  - { name: upd-${tag}, permissions: [canConfigureAgents] }
`);
    const plan = await makePlan(tokens, connections);
    expect(planJson(plan).changes.map((c) => [c.action, c.name, c.reasons])).toEqual([
      [
        'rotate',
        `rot-${tag}`,
        ['created 100d ago, rotateAfter 60d', 'permissions: +canConfigureAgents'],
      ],
      ['update', `upd-${tag}`, ['permissions: +canConfigureAgents -canViewLogs']],
    ]);
    const result = await applyPlan(plan, connections);
    expect(result.failed).toEqual([]);
    const now = mock.store.instana.list().filter((t) => t.name.endsWith(tag));
    const rotated = now.find((t) => t.name === `rot-${tag}`);
    expect(rotated?.internalId).not.toBe(before?.internalId);
    expect(rotated).toMatchObject({ canViewLogs: true, canConfigureAgents: true });
    expect(Math.round(((rotated?.expiresOn ?? 0) - Date.now()) / dayMs)).toBe(30);
    expect((await readFile(join(scratch, `rot-${tag}`), 'utf8')).trim()).toBe(
      rotated?.accessGrantingToken,
    );
    expect(now.find((t) => t.name === `upd-${tag}`)).toMatchObject({
      canViewLogs: false,
      canConfigureAgents: true,
    });
    expect(planJson(await makePlan(tokens, connections)).changes).toEqual([]);
  });

  it('works on instance and user tokens too: create, update, delete by prune', async () => {
    const { mock, connections, scratch } = fixture();
    const instance = mock.losant.instanceId;
    const tag = newApplication();
    mock.store.losant.add({ instanceId: instance }, [
      { name: `i-${tag}`, scope: ['all.Instance.read'], description: 'a' },
    ]);
    const [stray] = mock.store.losant.add('user', [
      { name: `stray-${tag}`, scope: ['all.User.read'] },
    ]);
    const tokens = file(`version: 1
losant:
  - { name: i-${tag}, instance: ${instance}, scope: [all.Instance.read], description: b }
  - { name: u-${tag}, user: true, scope: [all.User.read], deliver: { out: ./u-${tag} } }
prune:
  losant: [{ user: true }]
`);
    const plan = await makePlan(tokens, connections, { prune: true });
    const mine = plan.changes.filter((c) => c.record.name.endsWith(tag));
    const result = await applyPlan({ ...plan, changes: mine }, connections);
    expect(result.failed).toEqual([]);
    expect(result.applied.map((r) => r.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(
      mock.store.losant.list({ instanceId: instance }).find((t) => t.name === `i-${tag}`)
        ?.description,
    ).toBe('b');
    const user = mock.store.losant.list('user');
    expect(user.some((t) => t.id === stray?.id)).toBe(false);
    const created = user.find((t) => t.name === `u-${tag}`);
    expect(subjectOf((await readFile(join(scratch, `u-${tag}`), 'utf8')).trim())).toBe(created?.id);
  });

  it('creates, updates, replaces, rotates and deletes, delivering each new secret; a second plan shows no changes', async () => {
    const { mock, connections, scratch } = fixture();
    const app = newApplication();
    const old = new Date(Date.now() - 100 * dayMs).toISOString();
    mock.store.losant.add({ applicationId: app }, [
      { name: 'desc', scope: ['devices.get'], description: 'before' },
      { name: 'wider', scope: ['devices.get'] },
      { name: 'aged', scope: ['devices.get'], creationDate: old },
      { name: 'stray', scope: ['devices.get'] },
    ]);
    const before = new Map(
      mock.store.losant.list({ applicationId: app }).map((t) => [t.name, t.id]),
    );
    const tokens = file(`version: 1
losant:
  - { name: desc, application: ${app}, scope: [devices.get], description: after }
  - { name: wider, application: ${app}, scope: [devices.get, devices.post], deliver: { out: ./out-${app}/wider } }
  - { name: aged, application: ${app}, scope: [devices.get], rotateAfter: 60d, expires: 90d, deliver: { out: ./out-${app}/aged } }
  - { name: fresh, application: ${app}, scope: [devices.get], status: inactive, deliver: { out: ./out-${app}/nested/fresh } }
instana:
  - { name: ci-${app}, permissions: [canConfigureAgents, canViewLogs], expires: 2099-01-01, deliver: { exec: "cat > ci-${app}.secret" } }
prune:
  losant: [{ application: ${app} }]
`);
    const plan = await makePlan(tokens, connections, { prune: true });
    expect(plan.changes.map((c) => c.record.action).sort()).toEqual([
      'create',
      'create',
      'delete',
      'replace',
      'rotate',
      'update',
    ]);
    const result = await applyPlan(plan, connections);
    expect(result.failed).toEqual([]);
    const live = mock.store.losant.list({ applicationId: app });
    const byName = Object.fromEntries(live.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['aged', 'desc', 'fresh', 'wider']);
    expect(byName.desc).toMatchObject({ id: before.get('desc'), description: 'after' });
    expect(byName.wider?.id).not.toBe(before.get('wider'));
    expect(byName.wider?.scope).toEqual(['devices.get', 'devices.post']);
    expect(byName.aged?.id).not.toBe(before.get('aged'));
    expect(byName.fresh?.status).toBe('inactive');
    const lifetime =
      Date.parse(byName.aged!.expirationDate!) - Date.parse(byName.aged!.creationDate!);
    expect(Math.round(lifetime / dayMs)).toBe(90);
    for (const name of ['wider', 'aged', 'nested/fresh']) {
      const path = join(scratch, `out-${app}`, name);
      const secret = (await readFile(path, 'utf8')).trim();
      expect(subjectOf(secret)).toBe(byName[name.replace('nested/', '')]?.id);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }
    expect((await stat(join(scratch, `out-${app}`, 'nested'))).mode & 0o777).toBe(0o700);
    const instana = mock.store.instana.list().find((t) => t.name === `ci-${app}`);
    expect((await readFile(join(scratch, `ci-${app}.secret`), 'utf8')).trim()).toBe(
      instana?.accessGrantingToken,
    );
    expect(instana?.expiresOn).toBe(Date.parse('2099-01-01'));
    const again = await makePlan(tokens, connections, { prune: true });
    expect(planJson(again).changes).toEqual([]);
  });
});
