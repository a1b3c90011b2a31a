import { describe, expect, it } from 'vitest';
import { builtInPolicy } from '../../src/audit/built-in-policy.js';
import { rulesFor } from '../../src/audit/owner-rules.js';
import { auditPolicySchema, policyJsonSchema } from '../../src/audit/policy-schema.js';
import { rotateCommand } from '../../src/audit/rotate-command.js';
import { tokenFindings } from '../../src/audit/rules.js';
import type { AuditToken, TokenOwner } from '../../src/audit/types.js';

const day = 86_400_000;
const now = new Date('2026-11-24T07:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * day);
const appId = 'a'.repeat(24);
const app: TokenOwner = { vendor: 'losant', kind: 'application', id: appId };

function token(overrides: Partial<AuditToken>): AuditToken {
  return {
    owner: app,
    id: 'b'.repeat(24),
    name: 'ci',
    active: true,
    createdAt: inDays(-10),
    expiresAt: inDays(365),
    grants: ['devices.get'],
    ...overrides,
  };
}

function judge(
  input: unknown,
  t: AuditToken,
  facts: { name?: string; organizationName?: string } = {},
) {
  const rules = rulesFor(auditPolicySchema.parse(input), { owner: t.owner, ...facts });
  return tokenFindings(t, { now, expiringWithinMs: 30 * day, rules }).map(
    (f) => `${f.kind}:${f.severity}`,
  );
}

describe('the shipped policy JSON Schema', () => {
  it('is the one generated from the zod schema (update with vitest -u)', async () => {
    await expect(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../../audit-policy.schema.json',
    );
  });
});

describe('policy rules', () => {
  it('an empty policy is the built-in rules', () => {
    // Key for key and in the same order: `--init-policy` writes the built-in rules as JSON.
    expect(JSON.stringify(auditPolicySchema.parse({}))).toBe(JSON.stringify(builtInPolicy));
    expect(builtInPolicy.forbiddenLosantScopes).toEqual(['all.*']);
  });

  it('a token expiring within 7 days is high even when the window is shorter', () => {
    const rules = rulesFor(builtInPolicy, { owner: app });
    const found = tokenFindings(token({ expiresAt: inDays(5) }), {
      now,
      expiringWithinMs: 3 * day,
      rules,
    });
    expect(found.map((f) => `${f.kind}:${f.severity}`)).toEqual(['expiring:high']);
  });

  it('forbids scopes and permissions by glob', () => {
    const policy = {
      forbiddenLosantScopes: ['devices.*'],
      forbiddenInstanaPermissions: ['canConfigure*'],
    };
    expect(judge(policy, token({ grants: ['devices.get', 'flows.get'] }))).toEqual([
      'over-broad:high',
    ]);
    expect(judge(policy, token({ grants: ['all.Application'] }))).toEqual([]);
    const instana = token({
      owner: { vendor: 'instana', kind: 'tenant' },
      grants: ['canConfigureAgents', 'canViewLogs'],
    });
    expect(judge(policy, instana)).toEqual(['over-broad:high']);
  });

  it('turns rules off and changes their severity', () => {
    const forever = token({ expiresAt: null });
    expect(judge({ severity: { neverExpiring: 'off' } }, forever)).toEqual([]);
    expect(judge({ expiryRequired: false }, forever)).toEqual([]);
    expect(judge({ severity: { neverExpiring: 'critical' } }, forever)).toEqual([
      'never-expiring:critical',
    ]);
  });

  it('flags a lifetime over maxLifetimeDays, with a rotate command that asks for that expiry', () => {
    const long = token({ createdAt: inDays(-10), expiresAt: inDays(200) });
    expect(judge({ maxLifetimeDays: 365 }, long)).toEqual([]);
    expect(judge({ maxLifetimeDays: 90 }, long)).toEqual(['too-long-lived:medium']);
    const rules = rulesFor(auditPolicySchema.parse({ maxLifetimeDays: 90 }), { owner: app });
    const [found] = tokenFindings(long, { now, expiringWithinMs: 30 * day, rules });
    expect(found?.command).toBe(
      `tokenkit losant tokens rotate ${'b'.repeat(24)} --application ${appId} --expires 90d`,
    );
  });

  it('applies overrides by application id, name glob and organization, later ones winning', () => {
    const policy = {
      overrides: [
        { match: { applicationName: 'sandbox-*' }, severity: { expiring: 'low' } },
        { match: { organization: 'Acme' }, severity: { expiring: 'critical' } },
        { match: { applicationId: 'c'.repeat(24) }, expiryRequired: false },
      ],
    };
    const soon = token({ expiresAt: inDays(20) });
    expect(judge(policy, soon, { name: 'sandbox-1' })).toEqual(['expiring:low']);
    expect(judge(policy, soon, { name: 'sandbox-1', organizationName: 'Acme' })).toEqual([
      'expiring:critical',
    ]);
    expect(judge(policy, soon, { name: 'prod' })).toEqual(['expiring:medium']);
    const other = { vendor: 'losant', kind: 'application', id: 'c'.repeat(24) } as const;
    expect(judge(policy, token({ owner: other, expiresAt: null }))).toEqual([]);
    expect(judge(policy, token({ expiresAt: null }))).toEqual(['never-expiring:medium']);
  });

  it('refuses bad policies, naming each field', () => {
    const result = auditPolicySchema.safeParse({
      maxLifetimeDays: 0,
      forbiddenLosantScopes: ['all.*', ''],
      severity: { expired: 'severe' },
      overrides: [{ match: { applicationId: 'nope' } }, { match: {} }],
      extra: true,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual([
      '',
      'forbiddenLosantScopes.1',
      'maxLifetimeDays',
      'overrides.0.match.applicationId',
      'overrides.1.match',
      'severity.expired',
    ]);
  });
});

describe('rotateCommand', () => {
  it('names the owner the way the rotate command takes it', () => {
    const id = 'd'.repeat(24);
    expect(rotateCommand(token({ id, owner: { vendor: 'losant', kind: 'user' } }))).toBe(
      `tokenkit losant tokens rotate ${id} --user`,
    );
    expect(
      rotateCommand(token({ id, owner: { vendor: 'losant', kind: 'instance', id: appId } })),
    ).toBe(`tokenkit losant tokens rotate ${id} --instance ${appId}`);
    expect(rotateCommand(token({ id: 'x1', owner: { vendor: 'instana', kind: 'tenant' } }))).toBe(
      'tokenkit instana tokens rotate x1',
    );
  });

  it('quotes a server-chosen id so a pasted command cannot run anything else', () => {
    const evil = token({ id: "x'; rm -rf ~ #", owner: { vendor: 'instana', kind: 'tenant' } });
    expect(rotateCommand(evil)).toBe(`tokenkit instana tokens rotate 'x'\\''; rm -rf ~ #'`);
  });

  it('has no command where rotating cannot add an expiry (Instana)', () => {
    const instana = token({ owner: { vendor: 'instana', kind: 'tenant' } });
    expect(rotateCommand(instana, '90d')).toBeNull();
  });
});
