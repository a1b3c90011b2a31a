import { permissionNames } from '@tokenkit/schemas/instana';
import { describe, expect, it } from 'vitest';
import { diffPermissions, KNOWN_SERVER_REWRITES, newApiToken } from '../src/index.js';

describe('diffPermissions', () => {
  it('reports nothing when the server echoed the token', () => {
    const sent = newApiToken({ name: 'x', canConfigureAgents: true });
    expect(diffPermissions(sent, { ...sent, id: 'server-id', createdOn: 1 })).toEqual([]);
  });

  it('reports forced and derived flags in permissionNames order, omitted counting as false', () => {
    const sent = { canConfigurePersonalApiTokens: true, canConfigureSyntheticTests: true };
    const received = {
      canConfigurePersonalApiTokens: false,
      canConfigureSyntheticTests: true,
      canViewSyntheticTests: true,
      canViewSyntheticTestResults: true,
      canViewSyntheticLocations: true,
    };
    const changes = diffPermissions(sent, received);
    expect(changes).toEqual([
      { name: 'canConfigurePersonalApiTokens', sent: true, received: false },
      { name: 'canViewSyntheticLocations', sent: false, received: true },
      { name: 'canViewSyntheticTestResults', sent: false, received: true },
      { name: 'canViewSyntheticTests', sent: false, received: true },
    ]);
  });

  it('also compares flags newer than this package, after the known ones', () => {
    const changes = diffPermissions(
      { canConfigureAgents: true },
      { canConfigureAgents: false, canDoSomethingNew: true, limitedMarsScope: false, note: true },
    );
    expect(changes).toEqual([
      { name: 'canConfigureAgents', sent: true, received: false },
      { name: 'canDoSomethingNew', sent: false, received: true },
    ]);
  });

  it('explains every known rewrite under a real permission name', () => {
    const names = Object.keys(KNOWN_SERVER_REWRITES);
    expect(names).toContain('canConfigurePersonalApiTokens');
    expect(names).toContain('canViewSyntheticTests');
    for (const name of names) expect(permissionNames).toContain(name);
  });
});
