import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import type { Plan, TokenRecord } from '@tokenkit/plan';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embed } from '../../src/cli/embedding.js';
import { Output } from '../../src/output/output.js';
import { registerPlanCommands } from '../../src/plan/commands.js';
import { planLines, summaryLine } from '../../src/plan/render.js';

function output(columns?: number) {
  const stream = { isTTY: columns !== undefined, columns, write: () => true };
  return new Output({ json: false, color: false, env: {} }, { stdout: stream, stderr: stream });
}

function token<A extends TokenRecord['action']>(
  action: A,
  name: string,
  reasons: string[] = [],
): TokenRecord<A> {
  return {
    action,
    vendor: 'losant',
    owner: 'application:5f0c0000000000000000000a',
    name,
    id: 'a1',
    reasons,
  };
}

describe('the plan as a person reads it', () => {
  const plan: Plan = {
    changes: (['create', 'update', 'replace', 'rotate', 'delete'] as const).map((action) => ({
      record: token(action, `t-${action}`, [`why ${action}`]),
      entry: undefined,
      live: undefined,
    })),
    unchanged: [token('unchanged', 'same')],
    unmanaged: Array.from({ length: 12 }, (_, i) =>
      token('unmanaged', `u${i}`, ['not in the tokens file']),
    ),
    conflicts: [token('conflict', 'twice', ['2 live tokens have this name: a, b'])],
    notes: ['cannot tell which Losant token tokenkit authenticates with: check the deletes'],
  };

  it('marks each change as Terraform does, then conflicts, unmanaged tokens, notes and a summary', () => {
    const lines = planLines(output(), plan);
    expect(lines.slice(0, 4)).toEqual([
      'tokenkit will make these changes:',
      '',
      '  + create  losant application:5f0c0000000000000000000a t-create (a1)',
      '        why create',
    ]);
    for (const mark of ['  ~ update ', '-/+ replace', '  ↻ rotate ', '  - delete ', '  ! losant']) {
      expect(lines.some((line) => line.startsWith(mark))).toBe(true);
    }
    expect(lines).toContain('    … 2 more');
    expect(lines).toContain(
      'note: cannot tell which Losant token tokenkit authenticates with: check the deletes',
    );
    expect(lines.at(-1)).toBe(summaryLine(plan));
    expect(planLines(output(60), plan).slice(-2)).toEqual([
      'Plan: 1 to create, 1 to update, 1 to replace, 1 to rotate, …',
      '1 unchanged, 12 unmanaged, 1 conflict.',
    ]);
    expect(summaryLine(plan)).toBe(
      'Plan: 1 to create, 1 to update, 1 to replace, 1 to rotate, 1 to delete. 1 unchanged, 12 unmanaged, 1 conflict.',
    );
  });

  it('shows server text with its control characters escaped, and fits the terminal', () => {
    const evil: Plan = {
      ...plan,
      changes: [],
      unmanaged: [token('unmanaged', 'evil\u001b[31mred', ['x\ny'])],
    };
    const lines = planLines(output(), evil);
    expect(lines[0]).toBe('No changes. The live tokens match the tokens file.');
    expect(lines.join('\n')).toContain('evil\\e[31mred (a1) — x\\ny');
    expect(lines.join('\n')).not.toContain('\u001b');
    for (const line of planLines(output(40), plan)) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('plan, apply and import through the command tree', () => {
  let mock: MockServer;
  let folder: string;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    folder = await mkdtemp(join(tmpdir(), 'tokenkit-plan-unit-'));
  });
  afterAll(async () => {
    await mock.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    // The plan commands alone: the whole program needs the build's inlined versions.
    const program = new Command('tokenkit').exitOverride();
    registerPlanCommands(program);
    embed(program, {
      env: {
        LOSANT_ACCESS_TOKEN: mock.losant.accessToken,
        LOSANT_API_URL: mock.url,
        INSTANA_API_TOKEN: mock.instana.apiToken,
        INSTANA_BASE_URL: mock.url,
        NO_COLOR: '1',
      },
      streams: {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
      },
      now: () => new Date(),
    });
    await program.parseAsync(args, { from: 'user' });
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('plans, applies with --yes, imports, and plans no changes', async () => {
    const app = mock.losant.applicationId;
    const file = join(folder, 'tokens.yaml');
    await writeFile(
      file,
      `version: 1\nlosant:\n  - { name: unit, application: ${app}, scope: [devices.get], deliver: { out: ./unit.secret } }\ninstana:\n  - { name: unit-i, permissions: [canViewLogs], deliver: { exec: "cat > unit-i.secret; echo delivered" } }\n`,
    );
    const plan = await run(['plan', '-f', file, '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Plan: 2 to create');
    const applied = await run(['apply', '-f', file, '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 2 applied.');
    expect(applied.stderr).toContain('delivered');
    expect(await readFile(join(folder, 'unit-i.secret'), 'utf8')).not.toBe('');
    const json = await run(['apply', '-f', file, '--yes', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ applied: [], failed: [] });
    const imported = join(folder, 'imported.yaml');
    const result = await run(['import', '--application', app, '--instana', '-f', imported]);
    expect(result.code).toBe(0);
    expect(await readFile(imported, 'utf8')).toContain('name: unit');
    const again = await run(['plan', '-f', imported, '--detailed-exitcode']);
    expect(again.code).toBe(0);
    const prune = await run(['plan', '-f', imported, '--prune', '--detailed-exitcode']);
    expect(prune.code).toBe(1);
    expect(prune.stderr).toContain('--prune needs a prune section');
    const bad = await run(['import', '--org', 'x']);
    expect(bad.code).toBe(2);
  });
});
