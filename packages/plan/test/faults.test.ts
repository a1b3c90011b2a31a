import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApplyOptions, applyPlan, makePlan, parseTokensFile, planJson } from '../src/index.js';
import { usePlanFixture } from './fixture.js';

const fixture = usePlanFixture();
afterEach(() => fixture().mock.faults.clear());
let counter = 0;
/** Older than the SDK's lost-answer window, as a token due for replacement usually is. */
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

/** A new, empty application in the mock. */
function newApplication(): string {
  counter += 1;
  const id = `${'b'.repeat(18)}${String(counter).padStart(6, '0')}`;
  fixture().mock.store.losant.addApplications([{ id }]);
  return id;
}

function subjectOf(secret: string): string {
  return JSON.parse(Buffer.from(secret.split('.')[1] ?? '', 'base64url').toString()).sub;
}

async function planAndApply(yaml: string, options: ApplyOptions = {}) {
  const { connections, scratch } = fixture();
  const file = parseTokensFile(yaml, 'tokens.yaml', scratch);
  return applyPlan(await makePlan(file, connections), connections, options);
}

/** Every declared token exists once, and the file it was delivered to holds its secret. */
async function expectConverged(app: string, names: string[]) {
  const { mock, connections, scratch } = fixture();
  const live = mock.store.losant.list({ applicationId: app });
  expect(live.map((token) => token.name).sort()).toEqual([...names].sort());
  for (const token of live) {
    const secret = (await readFile(join(scratch, app, token.name), 'utf8')).trim();
    expect(subjectOf(secret)).toBe(token.id);
  }
  const file = parseTokensFile(tokensFor(app, names), 'tokens.yaml', scratch);
  expect(planJson(await makePlan(file, connections)).changes).toEqual([]);
}

function tokensFor(app: string, names: string[]): string {
  const entries = names.map(
    (name) =>
      `  - { name: ${name}, application: ${app}, scope: [devices.get], deliver: { out: ./${app}/${name} } }`,
  );
  return `version: 1\nlosant:\n${entries.join('\n')}\n`;
}

describe('apply under faults', () => {
  it('5xx on every create attempt: that entry fails, the others go on, and a re-run converges', async () => {
    const { mock } = fixture();
    const app = newApplication();
    mock.store.losant.add({ applicationId: app }, [
      { name: 'one', scope: ['devices.post'], creationDate: yesterday },
    ]);
    // The replace of `one` creates first; every attempt of that create is refused. The old
    // token was made just now, with the same name: the engine's create settles by its own
    // marker, never by name and time, so the old token stays.
    mock.faults.failNext(3, { status: 503, route: 'applicationApiTokens.post' });
    const first = await planAndApply(tokensFor(app, ['one']));
    expect(first.failed).toMatchObject([{ action: 'replace', name: 'one' }]);
    expect(mock.store.losant.list({ applicationId: app }).map((t) => t.scope)).toEqual([
      ['devices.post'],
    ]);
    mock.faults.clear();
    const second = await planAndApply(tokensFor(app, ['one', 'two']));
    expect(second.failed).toEqual([]);
    await expectConverged(app, ['one', 'two']);
  });

  it('a lost answer to a create never leaves two tokens or a token whose secret nobody holds', async () => {
    const { mock } = fixture();
    const app = newApplication();
    mock.faults.dropNext(1, { when: 'mid-body', route: 'applicationApiTokens.post' });
    const first = await planAndApply(tokensFor(app, ['lost']));
    // Settled either way: created once and delivered, or reported and nothing left behind.
    const left = mock.store.losant.list({ applicationId: app });
    if (first.failed.length > 0) expect(left).toEqual([]);
    else await expectConverged(app, ['lost']);
    expect(
      mock.requests.some(
        (r) => r.fault !== undefined && r.operation === 'applicationApiTokens.post',
      ),
    ).toBe(true);
    const second = await planAndApply(tokensFor(app, ['lost']));
    expect(second.failed).toEqual([]);
    await expectConverged(app, ['lost']);
  });

  it('a lost answer to an Instana create is settled by its internalId: one token, its secret delivered', async () => {
    const { mock, scratch } = fixture();
    const name = `lost-${newApplication()}`;
    mock.faults.dropNext(1, { when: 'mid-body', route: 'postApiToken' });
    const result = await planAndApply(
      `version: 1\ninstana:\n  - { name: ${name}, permissions: [canViewLogs], deliver: { out: ./${name} } }\n`,
    );
    expect(result.failed).toEqual([]);
    const stored = mock.store.instana.list().filter((token) => token.name === name);
    expect(stored).toHaveLength(1);
    expect((await readFile(join(scratch, name), 'utf8')).trim()).toBe(
      stored[0]?.accessGrantingToken,
    );
  });

  it('a failed delivery deletes the new token and leaves the old one; a re-run converges', async () => {
    const { mock } = fixture();
    const app = newApplication();
    const [old] = mock.store.losant.add({ applicationId: app }, [
      { name: 'wide', scope: ['devices.post'], creationDate: yesterday },
    ]);
    const failing = `version: 1
losant:
  - { name: wide, application: ${app}, scope: [devices.get], deliver: { exec: "cat > /dev/null; exit 3" } }
  - { name: new, application: ${app}, scope: [devices.get], deliver: { exec: "exit 4" } }
instana:
  - { name: fails-${app}, deliver: { exec: "exit 5" } }
`;
    const first = await planAndApply(failing);
    expect(
      first.failed.map((f) => [f.name, f.error.replace(/token \S+ was/, 'token ID was')]).sort(),
    ).toEqual([
      [
        `fails-${app}`,
        'Creating Instana API token: delivery failed; the new token ID was deleted, nothing changed (exec "exit 5" exited with code 5)',
      ],
      [
        'new',
        `Creating Losant API token of application ${app}: delivery failed; the new token ID was deleted, nothing changed (exec "exit 4" exited with code 4)`,
      ],
      [
        'wide',
        expect.stringMatching(
          /failed at deliver: the replacement \S+ was created, then deleted because delivery failed; the old token is untouched \(exec "cat > \/dev\/null; exit 3" exited with code 3\)$/,
        ),
      ],
    ]);
    expect(mock.store.losant.list({ applicationId: app }).map((t) => t.id)).toEqual([old?.id]);
    expect(mock.store.instana.list().some((t) => t.name === `fails-${app}`)).toBe(false);
    const second = await planAndApply(tokensFor(app, ['wide', 'new']));
    expect(second.failed).toEqual([]);
    await expectConverged(app, ['wide', 'new']);
  });

  it('a replacement refused with its own secret (401) is deleted, the old one untouched', async () => {
    const { mock } = fixture();
    const app = newApplication();
    const [old] = mock.store.losant.add({ applicationId: app }, [
      { name: 'v', scope: ['devices.post'], creationDate: yesterday },
    ]);
    // The fault is armed as the command delivers, so it meets the check of the new secret.
    const yaml = `version: 1\nlosant:\n  - { name: v, application: ${app}, scope: [devices.get], deliver: { exec: "cat > /dev/null; echo delivered" } }\n`;
    const armed = (status: number, count: number) => ({
      commandOutput: () =>
        mock.faults.failNext(count, { status, route: 'applicationApiToken.get' }),
    });
    const first = await planAndApply(yaml, armed(401, 1));
    expect(first.failed[0]?.error).toMatch(
      /failed at verify: the replacement \S+ was created, then deleted because the new secret was refused \(401\); the old token is untouched/,
    );
    expect(mock.store.losant.list({ applicationId: app }).map((t) => t.id)).toEqual([old?.id]);
    // Every attempt of the check fails (the SDK retries a 5xx on a read).
    const second = await planAndApply(yaml, armed(500, 10));
    expect(second.failed[0]?.error).toMatch(
      /failed at verify: checking the replacement \S+ with its secret failed, so the old token was not revoked; both work/,
    );
    expect(mock.store.losant.list({ applicationId: app })).toHaveLength(2);
  });

  it('a rotation whose delivery fails leaves the old token; a re-run rotates it', async () => {
    const { mock, scratch } = fixture();
    const app = newApplication();
    const [old] = mock.store.losant.add({ applicationId: app }, [
      { name: 'r', scope: ['devices.get'], description: 'old', creationDate: yesterday },
    ]);
    const yaml = (deliver: string) =>
      `version: 1\nlosant:\n  - { name: r, application: ${app}, scope: [devices.get], description: new, rotateAfter: 1h, status: inactive, deliver: ${deliver} }\n`;
    const first = await planAndApply(yaml('{ exec: "exit 9" }'));
    expect(first.failed).toMatchObject([{ action: 'rotate', name: 'r' }]);
    // The declared settings go to the replacement only: the old token is left as it was.
    expect(mock.store.losant.list({ applicationId: app })).toMatchObject([
      { id: old?.id, description: 'old', status: 'active' },
    ]);
    const second = await planAndApply(yaml(`{ out: ./${app}/r }`));
    expect(second.failed).toEqual([]);
    const [now] = mock.store.losant.list({ applicationId: app });
    expect(now).toMatchObject({ name: 'r', description: 'new', status: 'inactive' });
    expect(now?.id).not.toBe(old?.id);
    expect(subjectOf((await readFile(join(scratch, app, 'r'), 'utf8')).trim())).toBe(now?.id);
  });

  it('refuses to make a secret for an entry without a deliver target, and says so in the plan', async () => {
    const { connections, scratch, mock } = fixture();
    const app = newApplication();
    const file = parseTokensFile(
      `version: 1\nlosant:\n  - { name: x, application: ${app}, scope: [] }\n`,
      't',
      scratch,
    );
    const plan = await makePlan(file, connections);
    expect(planJson(plan).changes[0]?.reasons).toContain(
      'no deliver target: fill in deliver before apply',
    );
    const result = await applyPlan(plan, connections);
    expect(result.failed[0]?.error).toMatch(/has no deliver target: a new secret would be lost/);
    expect(mock.store.losant.list({ applicationId: app })).toEqual([]);
  });
});
