// The schemas' objects run on zod's compiled object parser: they must answer exactly as the
// interpreted parser does (zod uses that one where `new Function` is refused).
import { expect, test } from 'vitest';
import * as z from 'zod/mini';
import { apiToken as instanaToken } from '../src/instana.js';
import { apiToken, apiTokenPatch, apiTokenPost, apiTokens, listQuery } from '../src/losant.js';

const id = '0123456789abcdef01234567';
const cases: [z.ZodMiniType, unknown][] = [
  [apiToken, { id, name: 'ci', scope: ['all.User'], _links: { self: {} } }],
  [apiToken, { id: 'x', name: '', creationDate: 'soon', scope: [''], extra: 1 }],
  [apiToken, null],
  [apiTokens, { items: [{ id }, { id: 7 }], count: 2 }],
  [apiTokenPost, { name: 'ci', color: 'red', scope: ['all.user', 'all.User'] }],
  [apiTokenPost, { name: 7, size: 2 }],
  [apiTokenPatch, { scope: [], expirationDate: 'x', status: 'on' }],
  [listQuery, { page: 1, perPage: '20', sortField: 'name' }],
  [listQuery, { page: -1, perpage: 2 }],
  [instanaToken, { accessGrantingToken: 'a', internalId: 'b', name: 'c', canViewLogs: 'yes' }],
];

test.each(cases)('%#: the same result as the interpreted parser', (schema, value) => {
  expect(schema.safeParse(value)).toEqual(schema.safeParse(value, { jitless: true }));
});

test('they are zod/mini objects: instanceof, .shape, and zod/mini object functions', () => {
  expect(apiToken).toBeInstanceOf(z.ZodMiniObject);
  expect(Object.keys(apiTokenPost.shape)).toContain('scope');
  const picked = z.pick(apiToken, { name: true });
  expect(picked.parse({ name: 'ci', id: 'not checked any more' })).toEqual({
    name: 'ci',
    id: 'not checked any more',
  });
  const extended = z.extend(apiToken, { note: z.string() });
  expect(extended.safeParse({ name: 'ci' }).error?.issues[0]?.path).toEqual(['note']);
});
