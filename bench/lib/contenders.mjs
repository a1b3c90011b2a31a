/**
 * Loads the clients being compared. A client that is not built (or not importable) is
 * reported as unavailable with the reason, so the harness still runs and says so.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACCESS_TOKEN, INSTANCE_ID, TOKEN_ID } from './fixtures.mjs';

const require = createRequire(import.meta.url);

/** Headers our client and losant-rest send; the raw fetch baseline sends the same. */
export const LOSANT_HEADERS = {
  accept: 'application/json',
  'accept-version': '^1.30.0',
  authorization: `Bearer ${ACCESS_TOKEN}`,
};

/**
 * @typedef {{ available: true, module: any } | { available: false, reason: string }} Loaded
 */

/**
 * Imports `@tokenkit/losant` (its built dist).
 * @returns {Promise<Loaded>}
 */
export async function loadTokenkitLosant() {
  try {
    const module = await importPackage('@tokenkit/losant');
    if (typeof module.createLosantClient !== 'function') {
      return { available: false, reason: '@tokenkit/losant has no createLosantClient yet' };
    }
    return { available: true, module };
  } catch (error) {
    return { available: false, reason: `@tokenkit/losant not importable: ${firstLine(error)}` };
  }
}

/**
 * Imports `@tokenkit/instana` (its built dist).
 * @returns {Promise<Loaded>}
 */
export async function loadTokenkitInstana() {
  try {
    const module = await importPackage('@tokenkit/instana');
    if (typeof module.createInstanaClient !== 'function') {
      return { available: false, reason: '@tokenkit/instana has no createInstanaClient yet' };
    }
    return { available: true, module };
  } catch (error) {
    return { available: false, reason: `@tokenkit/instana not importable: ${firstLine(error)}` };
  }
}

/**
 * The official client, losant-rest (CommonJS, loaded through require). Its axios gets a
 * keep-alive agent with no idle timeout, like undici's pool, so neither side pays for new
 * connections between rounds (Node's global agent would drop idle sockets after 5 s).
 */
export function loadLosantRest() {
  const losantRest = require('losant-rest');
  const axios = createRequire(require.resolve('losant-rest'))('axios');
  axios.defaults.httpAgent ??= new http.Agent({ keepAlive: true });
  return losantRest;
}

/**
 * Imports `specifier` as the workspace package at `fromPackage` (e.g. 'packages/losant') sees
 * it: for ky, @tokenkit/core and @tokenkit/schemas, which the bench does not depend on.
 * @param {string} fromPackage
 * @param {string} specifier
 */
export async function importThrough(fromPackage, specifier) {
  const from = createRequire(
    fileURLToPath(new URL(`../../${fromPackage}/package.json`, import.meta.url)),
  );
  return import(pathToFileURL(from.resolve(specifier)).href);
}

const MISSING_BUILD = /Cannot find module|ERR_MODULE_NOT_FOUND|Could not resolve "@tokenkit|ENOENT/;

/**
 * Runs `fn`; if it fails because a workspace package's dist is missing (another `turbo build`
 * is rewriting it at that moment), waits 10, 20, then 30 s and tries again (a full build takes
 * about 20 s here). Any other failure, or a fourth one, is thrown.
 * @template T
 * @param {(attempt: number) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function retryWhileRebuilding(fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const text = `${error?.message ?? ''} ${error?.stderr ?? ''} ${(error?.errors ?? []).map((e) => e.text).join(' ')}`;
      if (attempt >= 4 || !MISSING_BUILD.test(text)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000 * attempt));
    }
  }
}

/**
 * Imports a workspace package, retrying while its dist is being rebuilt. A retry imports the
 * resolved file with a fresh query, so a module record that failed to link is not reused.
 * @param {string} specifier
 */
function importPackage(specifier) {
  return retryWhileRebuilding(
    (attempt) =>
      import(attempt === 1 ? specifier : `${import.meta.resolve(specifier)}?attempt=${attempt}`),
  );
}

/** @param {unknown} error */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/**
 * @typedef {object} RequestContender
 * @property {string} name
 * @property {string} note how it is configured
 * @property {() => Promise<unknown>} call one `instanceApiToken.get` round trip, parsed body
 */

/**
 * The three ways to fetch one token from `url`, or the reason one is unavailable.
 * @param {string} url
 * @returns {Promise<{ contenders: RequestContender[], unavailable: { name: string, reason: string }[] }>}
 */
export async function requestContenders(url) {
  const target = `${url}/instances/${INSTANCE_ID}/tokens/${TOKEN_ID}?_actions=false&_links=true&_embedded=true`;
  /** @type {RequestContender[]} */
  const contenders = [
    {
      name: 'raw fetch + JSON.parse',
      note: 'globalThis.fetch (undici, global keep-alive pool), same headers, res.text() + JSON.parse, ok-check',
      call: async () => {
        const res = await fetch(target, { headers: LOSANT_HEADERS });
        const text = await res.text();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return JSON.parse(text);
      },
    },
  ];
  const unavailable = [];
  const ours = await loadTokenkitLosant();
  if (ours.available) {
    // Defaults, as users get them (retries, timeouts, schema validation all on).
    const client = ours.module.createLosantClient({ accessToken: ACCESS_TOKEN, url });
    contenders.push({
      name: '@tokenkit/losant',
      note: 'createLosantClient({ accessToken, url }) with every default (retries, timeouts, input and response validation on)',
      call: () => client.instanceApiToken.get({ instanceId: INSTANCE_ID, apiTokenId: TOKEN_ID }),
    });
  } else {
    unavailable.push({ name: '@tokenkit/losant', reason: ours.reason });
  }
  const losantRest = loadLosantRest().createClient({ accessToken: ACCESS_TOKEN, url });
  contenders.push({
    name: 'losant-rest 2.8.1',
    note: 'createClient({ accessToken, url }); axios 0.21 (node:http adapter, follow-redirects) with a keep-alive http.Agent set as axios.defaults.httpAgent',
    call: () => losantRest.instanceApiToken.get({ instanceId: INSTANCE_ID, apiTokenId: TOKEN_ID }),
  });
  return { contenders, unavailable };
}
