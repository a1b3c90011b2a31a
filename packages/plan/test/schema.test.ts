import { readFileSync } from 'node:fs';
import { permissionNames } from '@tokenkit/instana';
import { allScopes } from '@tokenkit/losant';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseTokensFile } from '../src/index.js';

const schema = JSON.parse(
  readFileSync(new URL('../tokens-file.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const app = '5f0c0000000000000000000a';

function parserAccepts(data: unknown): boolean {
  try {
    parseTokensFile(JSON.stringify(data), 'tokens.json', '/');
    return true;
  } catch {
    return false;
  }
}

const entry = { name: 'x', application: app, scope: ['devices.get'] };
/** Files that the parser's rules accept or refuse, and the schema must agree on. */
const cases: Record<string, unknown> = {
  minimal: { version: 1 },
  full: {
    version: 1,
    losant: [
      {
        ...entry,
        description: 'd',
        status: 'inactive',
        expires: '90d',
        rotateAfter: '60d',
        deliver: { out: './s' },
      },
    ],
    instana: [
      { name: 'i', permissions: ['canViewLogs'], expires: '2027-01-31', deliver: { exec: 'cat' } },
    ],
    prune: { losant: [{ user: true }, { instance: app }], instana: { names: ['ci-*'] } },
  },
  'empty deliver': { version: 1, instana: [{ name: 'i', deliver: null }] },
  'date-time expiry': { version: 1, losant: [{ ...entry, expires: '2027-01-31T10:00:00+02:00' }] },
  'wrong version': { version: 2 },
  'no version': { losant: [] },
  'unknown top key': { version: 1, prunes: {} },
  'unknown entry key': { version: 1, losant: [{ ...entry, scopes: [] }] },
  'unknown scope': { version: 1, losant: [{ ...entry, scope: ['devices.gte'] }] },
  'unknown permission': { version: 1, instana: [{ name: 'i', permissions: ['canViewLog'] }] },
  'two owners': { version: 1, losant: [{ ...entry, user: true }] },
  'no owner': { version: 1, losant: [{ name: 'x', scope: [] }] },
  'user false': { version: 1, losant: [{ name: 'x', user: false, scope: [] }] },
  'bad id': { version: 1, losant: [{ ...entry, application: 'A'.repeat(24) }] },
  'no scope': { version: 1, losant: [{ name: 'x', application: app }] },
  'blank name': { version: 1, instana: [{ name: '  ' }] },
  'bad duration': { version: 1, instana: [{ name: 'i', rotateAfter: '0d' }] },
  'date as rotateAfter': { version: 1, instana: [{ name: 'i', rotateAfter: '2027-01-01' }] },
  'bad status': { version: 1, losant: [{ ...entry, status: 'paused' }] },
  'two deliveries': { version: 1, instana: [{ name: 'i', deliver: { out: 'a', exec: 'b' } }] },
  'empty delivery': { version: 1, instana: [{ name: 'i', deliver: {} }] },
  'losant not a list': { version: 1, losant: {} },
  'prune by owner id typo': { version: 1, prune: { losant: [{ app }] } },
  'prune instana list': { version: 1, prune: { instana: ['ci-*'] } },
};

describe('tokens-file.schema.json', () => {
  it('is a valid JSON Schema (2020-12, ajv strict) naming every scope and permission this version knows', () => {
    expect(schema.$defs.losantEntry.properties.scope.items.enum).toEqual([...allScopes]);
    expect(schema.$defs.instanaEntry.properties.permissions.items.enum).toEqual([
      ...permissionNames,
    ]);
  });

  it.each(Object.entries(cases))('agrees with the parser on %s', (_name, data) => {
    expect(validate(data)).toBe(parserAccepts(data));
  });
});
