import { describe, expect, it } from 'vitest';
import { compareFindings, countBySeverity, failsGate } from '../../src/audit/audit.js';
import { builtInPolicy } from '../../src/audit/built-in-policy.js';
import { auditInstanaToken, auditLosantToken } from '../../src/audit/normalize.js';
import { rulesFor } from '../../src/audit/owner-rules.js';
import { tokenFindings } from '../../src/audit/rules.js';
import { reachesThreshold } from '../../src/audit/severity.js';
import type { AuditToken } from '../../src/audit/types.js';

const day = 86_400_000;
const now = new Date('2026-11-24T07:00:00.000Z');
const rules = rulesFor(builtInPolicy, { owner: { vendor: 'losant', kind: 'user' } });
const policy = { now, expiringWithinMs: 30 * day, rules };
const inDays = (days: number) => new Date(now.getTime() + days * day);

function token(overrides: Partial<AuditToken>): AuditToken {
  return {
    owner: { vendor: 'losant', kind: 'application', id: 'a'.repeat(24) },
    id: 'b'.repeat(24),
    name: 'ci',
    active: true,
    createdAt: inDays(-10),
    expiresAt: inDays(365),
    grants: [],
    ...overrides,
  };
}

const audit = (tokens: AuditToken[]) =>
  tokens.flatMap((t) => tokenFindings(t, policy)).sort(compareFindings);
const kinds = (t: AuditToken) => tokenFindings(t, policy).map((f) => `${f.kind}:${f.severity}`);

describe('tokenFindings', () => {
  it('finds nothing wrong with a narrow, active token that expires in a year', () => {
    expect(kinds(token({}))).toEqual([]);
  });

  it('flags an expired token: high while active, low once inactive', () => {
    expect(kinds(token({ expiresAt: inDays(-3) }))).toEqual(['expired:high']);
    expect(kinds(token({ expiresAt: inDays(-3), active: false }))).toEqual(['expired:low']);
  });

  it('treats the exact expiry instant as expired', () => {
    expect(kinds(token({ expiresAt: now }))).toEqual(['expired:high']);
  });

  it('flags expiring tokens by how soon: high within a week, medium within the window', () => {
    expect(kinds(token({ expiresAt: inDays(5) }))).toEqual(['expiring:high']);
    expect(kinds(token({ expiresAt: inDays(7) }))).toEqual(['expiring:high']);
    expect(kinds(token({ expiresAt: inDays(20) }))).toEqual(['expiring:medium']);
    expect(kinds(token({ expiresAt: inDays(30) }))).toEqual(['expiring:medium']);
    expect(kinds(token({ expiresAt: inDays(31) }))).toEqual([]);
  });

  it('respects the window it is given', () => {
    const findings = tokenFindings(token({ expiresAt: inDays(45) }), {
      now,
      expiringWithinMs: 60 * day,
      rules,
    });
    expect(findings.map((f) => f.kind)).toEqual(['expiring']);
  });

  it('flags never-expiring active tokens as medium, but not inactive ones', () => {
    expect(kinds(token({ expiresAt: null }))).toEqual(['never-expiring:medium']);
    expect(kinds(token({ expiresAt: null, active: false }))).toEqual(['inactive:low']);
  });

  it('tells an Instana token that never expires to take an expiry with update --expires', () => {
    const instana = token({
      owner: { vendor: 'instana', kind: 'tenant' },
      id: 'abc123',
      expiresAt: null,
    });
    const [found] = tokenFindings(instana, policy);
    expect(found?.kind).toBe('never-expiring');
    expect(found?.command).toBe('tokenkit instana tokens update abc123 --expires 90d');
    expect(found?.message).not.toContain('re-create');
  });

  it('flags an inactive leftover as low', () => {
    expect(kinds(token({ active: false }))).toEqual(['inactive:low']);
  });

  it('flags over-broad grants as high, and critical when the token never expires', () => {
    expect(kinds(token({ grants: ['all.Application'] }))).toEqual(['over-broad:high']);
    // One finding naming both reasons, not a critical and a medium.
    const forever = token({ grants: ['all.User'], expiresAt: null });
    expect(kinds(forever)).toEqual(['over-broad:critical']);
    expect(tokenFindings(forever, policy)[0]?.message).toBe(
      'has all.User and never expires; replace it with a narrower token that expires',
    );
  });

  it('does not call an unusable token over-broad', () => {
    expect(kinds(token({ grants: ['all.User'], active: false }))).toEqual(['inactive:low']);
    expect(kinds(token({ grants: ['all.User'], expiresAt: inDays(-1) }))).toEqual(['expired:high']);
  });

  it('says what to do, with the date and the grants', () => {
    const [expired] = tokenFindings(token({ expiresAt: inDays(-3) }), policy);
    expect(expired?.message).toMatch(/expired 3 days ago \(2026-11-21\).*rotate or delete/);
    const [broad] = tokenFindings(token({ grants: ['all.Application', 'all.User.read'] }), policy);
    expect(broad?.message).toContain('all.Application, all.User.read');
    expect(broad?.grants).toEqual(['all.Application', 'all.User.read']);
    expect(broad?.expiresAt).toBe(inDays(365).toISOString());
  });
});

describe('normalization', () => {
  it('reads a Losant token: status, expiry and all.* scopes', () => {
    const audited = auditLosantToken(
      { vendor: 'losant', kind: 'instance', id: 'c'.repeat(24) },
      {
        id: 'd'.repeat(24),
        name: 'ops',
        status: 'inactive',
        expirationDate: '2027-01-01T00:00:00.000Z',
        scope: ['all.Instance.read', 'instanceApiTokens.get', 'all.Instance'],
      },
    );
    expect(audited).toEqual({
      owner: { vendor: 'losant', kind: 'instance', id: 'c'.repeat(24) },
      id: 'd'.repeat(24),
      name: 'ops',
      active: false,
      createdAt: null,
      expiresAt: new Date('2027-01-01T00:00:00.000Z'),
      grants: ['all.Instance.read', 'instanceApiTokens.get', 'all.Instance'],
    });
  });

  it('treats a Losant token without expirationDate or status as active and never expiring', () => {
    const audited = auditLosantToken(
      { vendor: 'losant', kind: 'user' },
      { apiTokenId: 'e'.repeat(24), name: 'me' },
    );
    expect(audited).toMatchObject({
      id: 'e'.repeat(24),
      active: true,
      expiresAt: null,
      grants: [],
    });
  });

  it('reads an Instana token: expiresOn and createdOn in epoch ms, held permissions as grants (newer flags too, in the token order)', () => {
    const audited = auditInstanaToken({
      internalId: 'x1',
      name: 'tf',
      accessGrantingToken: 'secret-secret',
      createdOn: Date.parse('2026-03-01T00:00:00Z'),
      expiresOn: Date.parse('2027-03-01T00:00:00Z'),
      canConfigureApiTokens: true,
      canConfigureUsers: false,
      canConfigureAgents: true,
      canConfigureSomethingFromNextYear: true,
    });
    expect(audited).toEqual({
      owner: { vendor: 'instana', kind: 'tenant' },
      id: 'x1',
      name: 'tf',
      active: true,
      createdAt: new Date('2026-03-01T00:00:00Z'),
      expiresAt: new Date('2027-03-01T00:00:00Z'),
      grants: ['canConfigureApiTokens', 'canConfigureAgents', 'canConfigureSomethingFromNextYear'],
    });
  });

  it('treats an Instana token with expiresOn null as never expiring', () => {
    const audited = auditInstanaToken({
      internalId: 'x2',
      name: 'n',
      accessGrantingToken: 's',
      expiresOn: null,
      canConfigureUsers: true,
    });
    expect(audited.expiresAt).toBeNull();
    expect(audited.grants).toEqual(['canConfigureUsers']);
  });
});

describe('auditTokens', () => {
  const set = [
    token({ id: '1', name: 'fine' }),
    token({ id: '2', name: 'old', active: false }),
    token({ id: '3', name: 'next-month', expiresAt: inDays(20) }),
    token({
      id: '4',
      name: 'admin',
      grants: ['all.User'],
      expiresAt: null,
      owner: { vendor: 'losant', kind: 'user' },
    }),
    token({ id: '5', name: 'dead', expiresAt: inDays(-10) }),
    token({ id: '6', name: 'this-week', expiresAt: inDays(2) }),
    token({
      id: '7',
      name: 'tf',
      grants: ['canConfigureApiTokens'],
      owner: { vendor: 'instana', kind: 'tenant' },
    }),
  ];

  it('sorts by urgency: severity, then kind, then soonest expiry', () => {
    const order = audit(set).map((f) => `${f.severity} ${f.kind} ${f.tokenName}`);
    expect(order).toEqual([
      'critical over-broad admin',
      'high expired dead',
      'high expiring this-week',
      'high over-broad tf',
      'medium expiring next-month',
      'low inactive old',
    ]);
  });

  it('is stable whatever order the tokens come in', () => {
    const forward = audit(set);
    const backward = audit([...set].reverse());
    expect(backward).toEqual(forward);
    expect([...forward].sort(compareFindings)).toEqual(forward);
  });

  it('counts by severity', () => {
    expect(countBySeverity(audit(set))).toEqual({
      low: 1,
      medium: 1,
      high: 3,
      critical: 1,
    });
  });

  it('gates on --fail-on', () => {
    const findings = audit(set);
    expect(failsGate(findings, 'critical')).toBe(true);
    expect(failsGate(findings, 'none')).toBe(false);
    const mild = audit([token({ active: false }), token({ expiresAt: inDays(20) })]);
    expect(failsGate(mild, 'high')).toBe(false);
    expect(failsGate(mild, 'medium')).toBe(true);
    expect(failsGate(mild, 'low')).toBe(true);
    expect(failsGate([], 'low')).toBe(false);
  });

  it('compares severities at or above the threshold', () => {
    expect(reachesThreshold('high', 'high')).toBe(true);
    expect(reachesThreshold('medium', 'high')).toBe(false);
    expect(reachesThreshold('critical', 'low')).toBe(true);
    expect(reachesThreshold('critical', 'none')).toBe(false);
  });
});
