import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import {
  applyPermissions,
  checkPermissionNames,
  parsePermissionSpec,
} from '../../src/tokens/instana/permissions.js';

const known = [
  'canConfigureAgents',
  'canConfigureApiTokens',
  'canConfigureUsers',
  'canViewLogs',
  'limitedSAPScope',
];

describe('checkPermissionNames', () => {
  it('accepts known names', () => {
    expect(() =>
      checkPermissionNames(['canViewLogs', 'limitedSAPScope'], '--permission'),
    ).not.toThrow();
  });

  it('refuses an unknown name with a usage error that suggests the closest', () => {
    let caught: unknown;
    try {
      checkPermissionNames(['canViewLogs', 'canConfigureAgent'], '--permission');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(2);
    expect((caught as CliError).message).toBe(
      'unknown Instana permission "canConfigureAgent" in --permission',
    );
    expect((caught as CliError).hint).toBe('did you mean canConfigureAgents?');
  });
});

describe('parsePermissionSpec', () => {
  it('reads an array as the exact set and an object as changes', () => {
    expect(parsePermissionSpec('["canViewLogs"]', 'p.json')).toEqual({
      kind: 'exact',
      names: ['canViewLogs'],
    });
    expect(
      parsePermissionSpec('{"canViewLogs": false, "canConfigureAgents": true}', 'p.json'),
    ).toEqual({
      kind: 'values',
      values: { canViewLogs: false, canConfigureAgents: true },
    });
  });

  it.each(['{', '[1, 2]', '{"canViewLogs": "yes"}', '"canViewLogs"', 'null'])(
    'refuses %s',
    (text) => {
      expect(() => parsePermissionSpec(text, 'p.json')).toThrow(/p\.json/);
    },
  );
});

describe('applyPermissions', () => {
  const current = { canConfigureAgents: true, canViewLogs: true, name: 'x' };

  it('keeps current values when nothing changes', () => {
    expect(applyPermissions(current, known, {})).toEqual({
      canConfigureAgents: true,
      canConfigureApiTokens: false,
      canConfigureUsers: false,
      canViewLogs: true,
      limitedSAPScope: false,
    });
  });

  it('grants and revokes on top of the current values', () => {
    const result = applyPermissions(current, known, {
      grant: ['canConfigureUsers'],
      revoke: ['canViewLogs'],
    });
    expect(result).toMatchObject({
      canConfigureAgents: true,
      canConfigureUsers: true,
      canViewLogs: false,
    });
  });

  it('an exact file replaces the set; flags then apply on top', () => {
    const result = applyPermissions(current, known, {
      spec: { kind: 'exact', names: ['limitedSAPScope'] },
      grant: ['canViewLogs'],
    });
    expect(
      Object.entries(result)
        .filter(([, on]) => on)
        .map(([name]) => name),
    ).toEqual(['canViewLogs', 'limitedSAPScope']);
  });

  it('a values file changes only what it names', () => {
    const result = applyPermissions(current, known, {
      spec: { kind: 'values', values: { canViewLogs: false } },
    });
    expect(result).toMatchObject({ canConfigureAgents: true, canViewLogs: false });
  });
});
