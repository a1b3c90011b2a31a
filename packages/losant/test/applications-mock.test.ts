import { describe, expect, it } from 'vitest';
import { isPermissionDeniedError, type LosantClient } from '../src/index.js';
import { useMock } from './helpers/mock.js';

const orgId = '603e4f5a6b7c8d9e0f1a2b3c';

const env = useMock();

async function applicationIds(params: Parameters<LosantClient['applications']['iterate']>[0]) {
  const seen: string[] = [];
  for await (const application of env.losant.applications.iterate(params))
    seen.push(application.id!);
  return seen;
}

describe('applications against the mock', () => {
  it('walks 250 organization applications plus the user’s own, each once', async () => {
    const own = env.mock.store.losant.listApplications().map((application) => application.id);
    const seeded = env.mock.store.losant.addApplications(250, { orgId, organizationName: 'Acme' });
    const everything = await applicationIds({ perPage: 40 });
    expect(everything).toHaveLength(own.length + 250);
    expect(new Set(everything)).toEqual(new Set([...own, ...seeded.map((app) => app.id)]));
  });

  it('filters by orgId: an organization’s, or the user’s own with a blank one', async () => {
    const seeded = env.mock.store.losant.addApplications(12, { orgId, organizationName: 'Acme' });
    expect(new Set(await applicationIds({ orgId }))).toEqual(new Set(seeded.map((app) => app.id)));
    const own = await applicationIds({ orgId: '' });
    expect(own).toContain(env.mock.losant.applicationId);
    expect(own.some((id) => seeded.some((app) => app.id === id))).toBe(false);
  });

  it('types the audit fields of an organization application', async () => {
    env.mock.store.losant.addApplications([{ name: 'prod-east' }], {
      orgId,
      organizationName: 'Acme',
    });
    const page = await env.losant.applications.get({
      orgId,
      filterField: 'name',
      filter: 'prod-*',
    });
    expect(page.items).toEqual([
      expect.objectContaining({
        name: 'prod-east',
        ownerId: orgId,
        ownerType: 'organization',
        organizationName: 'Acme',
      }),
    ]);
  });

  it('is refused for a token without an applications scope', async () => {
    const narrow = await env.losant.userApiTokens.post({
      apiToken: { name: 'narrow', scope: ['userApiTokens.get'] },
    });
    const error = await env
      .clientWith(narrow.token)
      .applications.get()
      .catch((caught: unknown) => caught);
    expect(isPermissionDeniedError(error)).toBe(true);
  });
});
