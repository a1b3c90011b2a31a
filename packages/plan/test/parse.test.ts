import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseDuration,
  parseLifetime,
  parseTokensFile,
  readTokensFile,
  TokensFileError,
} from '../src/index.js';

const app = '5f0c0000000000000000000a';

function issuesOf(yaml: string): string[] {
  try {
    parseTokensFile(yaml, 'tokens.yaml', '/work');
  } catch (error) {
    expect(error).toBeInstanceOf(TokensFileError);
    return (error as TokensFileError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('the file was accepted');
}

describe('parseTokensFile', () => {
  it('reads the format of the issue, resolving paths against the file folder', () => {
    const file = parseTokensFile(
      `version: 1
losant:
  - name: deploy-bot
    application: ${app}
    scope: [applicationApiTokens.get]
    description: used by the deploy job
    expires: 90d
    rotateAfter: 60d
    deliver: { out: ./secrets/deploy-bot }
  - { name: me, user: true, scope: [all.User], status: inactive, expires: 2027-01-31 }
instana:
  - name: ci-agents
    permissions: [canConfigureAgents, canViewLogs]
    deliver: { exec: "gh secret set INSTANA_TOKEN" }
prune:
  losant:
    - application: ${app}
  instana:
    names: ["ci-*"]
`,
      'tokens.yaml',
      '/work/infra',
    );
    expect(file.losant[0]).toMatchObject({
      label: 'losant[0] (deploy-bot)',
      owner: { kind: 'application', id: app },
      status: 'active',
      expires: { kind: 'duration', ms: 90 * 86_400_000 },
      rotateAfterMs: 60 * 86_400_000,
      deliver: { out: '/work/infra/secrets/deploy-bot' },
    });
    expect(file.losant[1]).toMatchObject({
      owner: { kind: 'user' },
      status: 'inactive',
      expires: { kind: 'date' },
    });
    expect(file.instana[0]?.deliver).toEqual({
      exec: 'gh secret set INSTANA_TOKEN',
      cwd: '/work/infra',
    });
    expect(file.prune).toEqual({ losant: [{ kind: 'application', id: app }], instana: ['ci-*'] });
  });

  it('reads JSON too', () => {
    const file = parseTokensFile(
      JSON.stringify({ version: 1, instana: [{ name: 'x', permissions: [] }] }),
      'tokens.json',
      '/',
    );
    expect(file.instana[0]?.name).toBe('x');
  });

  it('names the entry and the field of every problem, with did-you-mean', () => {
    const issues = issuesOf(`version: 1
losant:
  - { name: a, application: ${app}, scope: [applicationApiTokens.gte] }
  - { name: b, application: ${app}, user: true, scope: [] }
  - { name: a, application: ${app}, scope: [] }
  - { name: p-new, application: ${app}, scope: [], expires: 90days, rotateAfer: 60d }
instana:
  - { name: c, permissions: [canconfigureagents] }
  - { name: d, deliver: { out: ./x, exec: cat } }
prunes: {}
`);
    expect(issues).toEqual([
      "prunes: unknown key 'prunes'; did you mean 'prune'?",
      "losant[0] (a).scope[0]: unknown Losant scope 'applicationApiTokens.gte'; did you mean 'applicationApiTokens.get'?",
      'losant[1] (b): needs exactly one owner (application: ID, instance: ID or user: true), found application and user',
      'losant[2] (a).name: duplicate name: losant[0] (a) has the same owner and name',
      "losant[3] (p-new).rotateAfer: unknown key 'rotateAfer'; did you mean 'rotateAfter'?",
      'losant[3] (p-new).expires: must be a duration such as 90d (s, m, h, d, w, y) or an ISO date such as 2027-01-31, got "90days"',
      "instana[0] (c).permissions[0]: unknown Instana permission 'canconfigureagents'; did you mean 'canConfigureAgents'?",
      'instana[1] (d).deliver: must name exactly one of out and exec',
    ]);
  });

  it('refuses a wrong version, a missing scope, bad owners, ids and values', () => {
    expect(
      issuesOf(`version: 2
losant:
  - { name: x, instance: nope }
  - { name: y, user: yes, scope: [], status: paused, description: 3 }
  - 7
instana: {}
prune: { losant: [{ organization: 1 }], instana: { names: [""], glob: x } }
`),
    ).toEqual([
      'version: must be 1, got 2',
      'losant[0] (x).instance: must be a 24-character hexadecimal id, got "nope"',
      'losant[0] (x).scope: is required: the scopes the token gets',
      'losant[1] (y).user: must be true, got "yes"',
      'losant[1] (y).description: must be a string',
      `losant[1] (y).status: must be 'active' or 'inactive', got "paused"`,
      'losant[2]: must be a mapping of name, owner, scope, …',
      'instana: must be a list of tokens',
      "prune.losant[0].organization: unknown key 'organization'",
      'prune.losant[0]: needs exactly one owner (application: ID, instance: ID or user: true), found none',
      "prune.instana.glob: unknown key 'glob'",
      'prune.instana.names[0]: must be a non-empty string',
    ]);
  });

  it('refuses prune sections of the wrong shape', () => {
    expect(issuesOf('version: 1\nprune: [1]\n')).toEqual([
      'prune: must be a mapping with losant and/or instana',
    ]);
    expect(issuesOf('version: 1\nprune: { losant: {}, instana: [] }\n')).toEqual([
      'prune.losant: must be a list of owners ({ application: ID }, { instance: ID } or { user: true })',
      'prune.instana: must be { names: [GLOB, …] }: Instana tokens are pruned by name only',
    ]);
    expect(
      issuesOf('version: 1\nprune: { losant: [5] }\ninstana: [{ name: x, permissions: 3 }, 4]\n'),
    ).toEqual([
      'instana[0] (x).permissions: must be a list',
      'instana[1]: must be a mapping of name, permissions, …',
      'prune.losant[0]: must be { application: ID }, { instance: ID } or { user: true }',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(issuesOf('version: 1\nversion: 1\n')[0]).toMatch(
      /^line 2, column 1: Map keys must be unique/,
    );
    expect(issuesOf('')).toEqual([
      ': must be a mapping with version: 1 and losant and/or instana lists',
    ]);
  });

  it('reads a file from disk, relative to its folder, and names an unreadable one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tokenkit-parse-'));
    const path = join(folder, 'tokens.yaml');
    await writeFile(path, 'version: 1\ninstana: [{ name: x, deliver: { out: s } }]\n');
    expect((await readTokensFile(path)).instana[0]?.deliver).toEqual({ out: join(folder, 's') });
    await expect(readTokensFile(join(folder, 'missing.yaml'))).rejects.toThrow(
      /missing.yaml: cannot read it \(ENOENT\)/,
    );
  });
});

describe('durations and dates', () => {
  it('reads s, m, h, d, w and y, and ISO dates with or without time', () => {
    expect(parseDuration('90d')).toBe(90 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('1y')).toBe(365 * 86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    for (const bad of ['0d', '90', 'd', '-1d', '1.5d', '90 d'])
      expect(parseDuration(bad)).toBeUndefined();
    expect(parseLifetime('2027-01-31T12:00:00Z')).toMatchObject({
      kind: 'date',
      at: new Date('2027-01-31T12:00:00Z'),
    });
    expect(parseLifetime('2027-13-45')).toBeUndefined();
    expect(parseLifetime('tomorrow')).toBeUndefined();
  });
});
