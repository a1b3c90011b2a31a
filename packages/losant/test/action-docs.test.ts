import { readFileSync } from 'node:fs';
import { actionScopes, losantActions } from '@tokenkit/schemas/losant';
import { describe, expect, it } from 'vitest';
import { createLosantClient, LOSANT_ACTION_DOCS, requiredScopes } from '../src/index.js';

const losant = createLosantClient({ accessToken: 'token', url: 'http://127.0.0.1:9' });
const typesSource = readFileSync(new URL('../src/types.ts', import.meta.url), 'utf8');

/** The TSDoc block written above `readonly <verb>: Action<'<action>'` in src/types.ts. */
function docComment(action: string): string {
  const at = typesSource.search(new RegExp(`Action<\\s*'${action.replace('.', '\\.')}'`));
  expect(at, action).toBeGreaterThan(0);
  const start = typesSource.lastIndexOf('/**', at);
  return typesSource
    .slice(start, typesSource.indexOf('*/', start))
    .split('\n')
    .map((line) => line.replace(/^\s*\/?\*+\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('action docs and scopes', () => {
  it.each(losantActions)('%s: TSDoc, table, helper and client agree', (action) => {
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

    const comment = docComment(action);
    expect(comment.startsWith(doc.summary), comment).toBe(true);
    const written = /Scopes \(the token needs at least one\): (.*?)\.\s+(?:@see|Throws)/.exec(
      comment,
    )?.[1];
    expect(written?.split(/,\s*/).map((scope) => scope.replaceAll('`', ''))).toEqual([...scopes]);
    expect(comment).toContain(`@see ${doc.url}`);
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
