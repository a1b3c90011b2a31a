import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One action of the official client: it resolves to the parsed body. */
type OfficialAction = (params?: Record<string, unknown>) => Promise<unknown>;

/** The part of the official client (`losant-rest`, CommonJS, untyped) that the tests drive. */
export type OfficialClient = Record<string, Record<string, OfficialAction>>;

const require = createRequire(import.meta.url);
const losantRest = require('losant-rest') as {
  createClient(options: { accessToken?: string; url?: string; acceptVersion?: string }): unknown;
};

/** Creates the official client, typed just enough for the tests. */
export function createOfficialClient(options: {
  accessToken: string;
  url: string;
  acceptVersion?: string;
}): OfficialClient {
  return losantRest.createClient(options) as OfficialClient;
}

/**
 * The scopes losant-rest's generated doc comment lists for one action ("must include at least
 * one of the following scopes: a, b, or c.").
 */
export function officialScopes(resource: string, action: string): string[] {
  const source = readFileSync(require.resolve(`losant-rest/lib/api/${resource}.js`), 'utf8');
  const at = source.indexOf(`internals.${action} = function`);
  const start = source.lastIndexOf('following scopes:', at);
  const line = source.slice(start, at).split('\n')[1] ?? '';
  return line
    .replace(/^\s*\*\s*/, '')
    .replace(/\.\s*$/, '')
    .replace(/,? or /, ', ')
    .split(', ');
}
