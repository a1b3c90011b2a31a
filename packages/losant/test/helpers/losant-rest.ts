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
