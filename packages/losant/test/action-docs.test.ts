import { actionScopes, losantActions } from '@tokenkit/schemas/losant';
import { describe, expect, it } from 'vitest';
import { createLosantClient, LOSANT_ACTION_DOCS, requiredScopes } from '../src/index.js';

const losant = createLosantClient({ accessToken: 'token', url: 'http://127.0.0.1:9' });

describe('action docs and scopes', () => {
  it.each(losantActions)('%s: docs table, helper and client agree', (action) => {
    const [resource = '', verb = ''] = action.split('.');
    const doc = LOSANT_ACTION_DOCS[action];
    const scopes = actionScopes[action];

    expect(doc.scopes).toEqual(scopes);
    expect(requiredScopes(action)).toEqual(scopes);
    const fn = (
      losant as unknown as Record<
        string,
        Record<string, { scopes: unknown; docs: unknown; action: unknown }>
      >
    )[resource]?.[verb];
    expect(fn?.scopes).toEqual(scopes);
    expect(fn?.docs).toBe(doc.url);
    expect(fn?.action).toBe(action);

    const slug = resource.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    expect(doc.url).toBe(`https://docs.losant.com/rest-api/${slug}/#${verb}`);
  });

  it('describes method and path of each action', () => {
    expect(LOSANT_ACTION_DOCS['instanceApiTokens.get']).toMatchObject({
      method: 'GET',
      path: '/instances/{instanceId}/tokens',
    });
    expect(LOSANT_ACTION_DOCS['applicationApiToken.patch']).toMatchObject({
      method: 'PATCH',
      path: '/applications/{applicationId}/tokens/{apiTokenId}',
    });
    expect(LOSANT_ACTION_DOCS['userApiToken.delete']).toMatchObject({
      method: 'DELETE',
      path: '/me/tokens/{apiTokenId}',
    });
    expect(Object.keys(LOSANT_ACTION_DOCS)).toEqual([...losantActions]);
  });

  it('refuses an unknown action name', () => {
    // @ts-expect-error not an action
    expect(() => requiredScopes('devices.get')).toThrow(/Unknown Losant action/);
  });
});
