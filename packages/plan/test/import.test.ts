import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FILL_IN, importTokens, makePlan, parseTokensFile, planJson } from '../src/index.js';
import { usePlanFixture } from './fixture.js';

const fixture = usePlanFixture();
const dayMs = 86_400_000;

describe('importTokens', () => {
  it('writes a file from every owner, with deliveries marked to fill in, that plans to no changes', async () => {
    const { mock, connections, scratch } = fixture();
    const [app] = mock.store.losant.addApplications(1, { orgId: 'c'.repeat(24) });
    const applicationId = app?.id ?? '';
    const created = new Date(Date.now() - dayMs);
    mock.store.losant.add({ applicationId }, [
      {
        name: 'ci',
        scope: ['devices.get'],
        description: 'ci job',
        creationDate: created.toISOString(),
        expirationDate: new Date(created.getTime() + 90 * dayMs).toISOString(),
      },
      { name: 'dup', scope: ['devices.get'] },
      { name: 'dup', scope: ['devices.get'] },
    ]);
    mock.store.losant.add({ instanceId: mock.losant.instanceId }, [
      { name: 'inst', scope: ['all.Instance.read'], status: 'inactive' },
    ]);
    mock.store.losant.add('user', [{ name: 'me', scope: ['all.User.read'] }]);
    mock.store.instana.add([{ name: 'agents', canConfigureAgents: true }]);
    const imported = await importTokens(connections, {
      losant: [{ kind: 'instance', id: mock.losant.instanceId }, { kind: 'user' }],
      allApplications: { orgId: 'c'.repeat(24) },
      instana: true,
    });
    expect(imported.skipped).toEqual([`application:${applicationId}/dup`]);
    expect(imported.text).toContain(`deliver: null #${FILL_IN}`);
    expect(imported.text.startsWith('# Written by tokenkit import.')).toBe(true);
    const data = parse(imported.text);
    expect(data.losant).toContainEqual({
      name: 'ci',
      application: applicationId,
      scope: ['devices.get'],
      description: 'ci job',
      expires: '90d',
      deliver: null,
    });
    expect(data.losant).toContainEqual({
      name: 'inst',
      instance: mock.losant.instanceId,
      scope: ['all.Instance.read'],
      status: 'inactive',
      deliver: null,
    });
    expect(data.losant).toContainEqual({
      name: 'me',
      user: true,
      scope: ['all.User.read'],
      deliver: null,
    });
    expect(data.instana).toContainEqual(
      expect.objectContaining({ name: 'agents', permissions: ['canConfigureAgents'] }),
    );
    const file = parseTokensFile(imported.text, 'imported.yaml', scratch);
    const plan = planJson(await makePlan(file, connections));
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts.map((c) => c.name)).toEqual(['dup']);
  });
});
