import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from './hostile-proxy.js';
import { json, losantEnv, processTimeout, runCli } from './run-cli.js';

// Issue 22, item 13: an application the listing cannot identify (its entry has no id) is not
// skipped silently: it is listed in notAudited, and the run fails.
interface Report {
  exitCode: number;
  sources: { owner: { kind: string; id?: string } }[];
  notAudited: { owner: { kind: string; id?: string }; reason: string; skipped: boolean }[];
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  mock.store.losant.addApplications(3, { tokensEach: 1 });
});
afterAll(() => mock.close());

describe('tokenkit audit --all-applications, an entry without an id', processTimeout, () => {
  it('lists it in notAudited and fails the run; the others are audited', async () => {
    const apps = mock.store.losant.listApplications();
    const hidden = apps[1]!;
    const proxy = await startProxy(mock.url, {
      rewriteJson: (request, body) => {
        if (!request.url?.startsWith('/applications?')) return undefined;
        const page = body as { items: { id?: string; applicationId?: string }[] };
        const items = page.items.map((item) => {
          if (item.id !== hidden.id) return item;
          const { id: _id, applicationId: _applicationId, ...rest } = item;
          return rest;
        });
        return { ...page, items };
      },
    });
    try {
      const result = await runCli(['audit', '--all-applications', '--fail-on', 'none', '--json'], {
        env: { ...losantEnv(mock), LOSANT_API_URL: proxy.url },
      });
      expect(result.code, result.stderr).toBe(1);
      const report = json<Report>(result);
      const audited = report.sources.filter((s) => s.owner.kind === 'application');
      expect(audited.map((s) => s.owner.id).sort()).toEqual(
        apps
          .filter((app) => app !== hidden)
          .map((app) => app.id)
          .sort(),
      );
      expect(report.notAudited).toHaveLength(1);
      expect(report.notAudited[0]).toMatchObject({
        owner: { kind: 'applications' },
        skipped: false,
      });
      expect(report.notAudited[0]?.reason).toContain('an entry without an id');
      expect(report.notAudited[0]?.reason).toMatch(new RegExp(`#\\d "${hidden.name}"`));
    } finally {
      await proxy.close();
    }
  });
});
