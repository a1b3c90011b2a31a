// zod and the vendor's own JSON schemas (losant-rest 2.8.1, via ajv + ajv-formats) must give
// the same verdict on every fixture here. Where the two API versions legitimately differ,
// the fixture lives in version-differences.test.ts instead, never here.
import { describe, expect, test } from 'vitest';
import type * as z from 'zod/mini';
import {
  apiToken,
  apiTokenPatch,
  apiTokenPost,
  apiTokens,
  error,
  success,
} from '../../src/losant.js';
import {
  apiTokenExample,
  apiTokenPatchExample,
  apiTokenPostExample,
  apiTokensExample,
  errorExample,
  halExtras,
  successExample,
} from './examples.js';
import { type VendorSchemaName, vendorAccepts } from './vendor.js';

const zodSchemas: Record<VendorSchemaName, z.ZodMiniType> = {
  apiToken,
  apiTokens,
  apiTokenPost,
  apiTokenPatch,
  error,
  success,
};

type Fixture = readonly [name: string, value: unknown, valid: boolean];

const id = '0123456789abcdefABCDEF01';
const emoji = '\u{1F511}'; // one character, two UTF-16 units
const name255 = 'n'.repeat(255);
const name256 = 'n'.repeat(256);

/** Date-time values both validators judge alike. */
const dates: readonly Fixture[] = [
  ['a UTC date-time', '2027-01-01T00:00:00Z', true],
  ['milliseconds', '2027-01-01T00:00:00.000Z', true],
  ['nanoseconds', '2027-01-01T00:00:00.123456789Z', true],
  ['a +hh:mm offset', '2027-01-01T02:00:00+02:00', true],
  ['a -hh:mm offset', '2027-01-01T00:00:00-05:30', true],
  ['a leap day', '2028-02-29T12:00:00Z', true],
  ['29 February of a common year', '2027-02-29T12:00:00Z', false],
  ['30 February', '2027-02-30T00:00:00Z', false],
  ['month 13', '2027-13-01T00:00:00Z', false],
  ['hour 24', '2027-01-01T24:00:00Z', false],
  ['minute 60', '2027-01-01T00:60:00Z', false],
  ['a date only', '2027-01-01', false],
  ['no time zone', '2027-01-01T00:00:00', false],
  ['no seconds', '2027-01-01T00:00Z', false],
  ['an offset hour of 24', '2027-01-01T00:00:00+24:00', false],
  ['words', 'tomorrow', false],
  ['an empty string', '', false],
  ['epoch milliseconds', 1798761600000, false],
];

const fixtures: Record<VendorSchemaName, readonly Fixture[]> = {
  apiTokenPost: [
    ['the DESIGN.md example', apiTokenPostExample, true],
    ['a name only', { name: 'ci' }, true],
    [
      'every v1.20.1 field',
      {
        name: 'deploy',
        description: 'for the deploy job',
        expirationDate: '2027-06-30T23:59:59+02:00',
        scope: ['all.Application', 'devices.get', 'org.get', 'instance.get', 'me.get'],
        status: 'inactive',
      },
      true,
    ],
    ['an empty scope list', { name: 'ci', scope: [] }, true],
    ['a 255-character name', { name: name255 }, true],
    ['a 255-emoji name (510 UTF-16 units)', { name: emoji.repeat(255) }, true],
    ['a 32767-character description', { name: 'ci', description: 'd'.repeat(32767) }, true],
    ['an empty description', { name: 'ci', description: '' }, true],
    ['no name', {}, false],
    ['an empty name', { name: '' }, false],
    ['a 256-character name', { name: name256 }, false],
    ['a 256-emoji name', { name: emoji.repeat(256) }, false],
    ['a number as name', { name: 42 }, false],
    ['a null name', { name: null }, false],
    ['a 32768-character description', { name: 'ci', description: 'd'.repeat(32768) }, false],
    ['an extra key', { name: 'ci', owner: 'me' }, false],
    ['an id key', { name: 'ci', id }, false],
    ['a duplicate scope', { name: 'ci', scope: ['all.User', 'me.get', 'all.User'] }, false],
    ['an unknown scope', { name: 'ci', scope: ['foo.bar'] }, false],
    ['a scope in the wrong case', { name: 'ci', scope: ['all.user'] }, false],
    ['a scope string, not a list', { name: 'ci', scope: 'all.User' }, false],
    ['a number in scope', { name: 'ci', scope: [1] }, false],
    ['an empty scope string', { name: 'ci', scope: [''] }, false],
    ['status enabled', { name: 'ci', status: 'enabled' }, false],
    ['status ACTIVE', { name: 'ci', status: 'ACTIVE' }, false],
    ['status true', { name: 'ci', status: true }, false],
    ['a null body', null, false],
    ['a list body', [{ name: 'ci' }], false],
    ['a string body', 'ci', false],
    ...dates.map(
      ([label, value, valid]): Fixture => [
        `expirationDate: ${label}`,
        { name: 'ci', expirationDate: value },
        valid,
      ],
    ),
  ],
  apiTokenPatch: [
    ['the DESIGN.md example', apiTokenPatchExample, true],
    ['an empty body', {}, true],
    ['a new name', { name: 'renamed' }, true],
    ['a 255-character name', { name: name255 }, true],
    ['every v1.20.1 field', { name: 'x', description: '', status: 'active' }, true],
    ['scope', { scope: ['all.User'] }, false],
    ['expirationDate', { expirationDate: '2027-01-01T00:00:00Z' }, false],
    ['token', { token: 'abc' }, false],
    ['an empty name', { name: '' }, false],
    ['a 256-character name', { name: name256 }, false],
    ['a null name', { name: null }, false],
    ['a 32768-character description', { description: 'd'.repeat(32768) }, false],
    ['status paused', { status: 'paused' }, false],
    ['an extra key', { color: 'red' }, false],
    ['a list body', [], false],
  ],
  apiToken: [
    ['the vendor docs example', apiTokenExample, true],
    ['the example with HAL metadata', { ...apiTokenExample, ...halExtras }, true],
    ['the example without token', { ...apiTokenExample, token: undefined }, true],
    ['an empty object (nothing is required)', {}, true],
    ['an unknown key', { name: 'x', futureField: { any: 'thing' } }, true],
    ['an uppercase hex id', { id: id.toUpperCase() }, true],
    ['ownerType user', { ownerType: 'user' }, true],
    ['creatorType flow', { creatorType: 'flow' }, true],
    ['creatorType apiToken', { creatorType: 'apiToken' }, true],
    ['a scope outside the create list', { scope: ['some.futureScope'] }, true],
    ['a 1024-character creatorName', { creatorName: 'c'.repeat(1024) }, true],
    ['a 23-character id', { id: id.slice(1) }, false],
    ['a 25-character id', { id: `${id}0` }, false],
    ['a non-hex id', { id: 'g123456789abcdef01234567' }, false],
    ['an id with a space', { id: ' 0123456789abcdef0123456' }, false],
    ['a numeric id', { id: 123 }, false],
    ['a bad apiTokenId', { apiTokenId: 'nope' }, false],
    ['a bad ownerId', { ownerId: 'nope' }, false],
    ['a bad creatorId', { creatorId: '' }, false],
    ['ownerType org', { ownerType: 'org' }, false],
    ['creatorType robot', { creatorType: 'robot' }, false],
    ['a 1025-character creatorName', { creatorName: 'c'.repeat(1025) }, false],
    ['a 256-character name', { name: name256 }, false],
    ['an empty name', { name: '' }, false],
    ['a 32768-character description', { description: 'd'.repeat(32768) }, false],
    ['status true', { status: true }, false],
    ['an empty token', { token: '' }, false],
    ['a numeric token', { token: 1 }, false],
    ['a scope string, not a list', { scope: 'all.User' }, false],
    ['an empty scope string', { scope: [''] }, false],
    ['a 1025-character scope', { scope: ['s'.repeat(1025)] }, false],
    ['a list instead of a token', [apiTokenExample], false],
    ...dates.map(
      ([label, value, valid]): Fixture => [
        `creationDate: ${label}`,
        { creationDate: value },
        valid,
      ],
    ),
  ],
  apiTokens: [
    ['the vendor docs example', apiTokensExample, true],
    ['an empty page', { items: [], count: 0, totalCount: 0, perPage: 100, page: 0 }, true],
    ['items with HAL metadata', { items: [{ ...apiTokenExample, ...halExtras }] }, true],
    ['the filter echoed', { filter: 'my*token', filterField: 'name' }, true],
    ['sortDirection ASC', { sortDirection: 'ASC' }, true],
    ['sortDirection DESC', { sortDirection: 'DESC' }, true],
    ['a blank sortDirection', { sortDirection: '' }, true],
    ['an unknown key', { _links: {}, nextPage: 1 }, true],
    ['sortDirection up', { sortDirection: 'up' }, false],
    ['a fractional count', { count: 1.5 }, false],
    ['a string totalCount', { totalCount: '4' }, false],
    ['a null page', { page: null }, false],
    ['items not a list', { items: apiTokenExample }, false],
    ['an item with a bad id', { items: [{ id: 'bad' }] }, false],
    ['an item with a 256-character name', { items: [{ name: name256 }] }, false],
    ['a bad ownerId', { ownerId: 'x' }, false],
    ['ownerType org', { ownerType: 'org' }, false],
    ['a numeric sortField', { sortField: 1 }, false],
  ],
  error: [
    ['the vendor docs example', errorExample, true],
    ['an empty object', {}, true],
    ['extra keys', { type: 'Validation', message: 'bad', details: [1] }, true],
    ['a numeric type', { type: 404 }, false],
    ['a null message', { message: null }, false],
    ['a string body', 'Not Found', false],
  ],
  success: [
    ['the vendor docs example', successExample, true],
    ['extra keys', { success: true, _type: 'success' }, true],
    ['success false', { success: false }, false],
    ['success as a string', { success: 'true' }, false],
    ['a boolean body', true, false],
  ],
};

describe.each(Object.entries(fixtures))('%s: zod and losant-rest agree', (name, table) => {
  const schema = zodSchemas[name as VendorSchemaName];
  test.each(table.map(([label, value, valid]) => ({ label, value, valid })))(
    '$label -> $valid',
    ({ value, valid }) => {
      expect(vendorAccepts(name as VendorSchemaName, value)).toBe(valid);
      expect(schema.safeParse(value).success).toBe(valid);
    },
  );
});

test('the table covers every vendor schema with valid and invalid fixtures', () => {
  for (const table of Object.values(fixtures)) {
    expect(table.some(([, , valid]) => valid)).toBe(true);
    expect(table.some(([, , valid]) => !valid)).toBe(true);
  }
});
