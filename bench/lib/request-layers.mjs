/**
 * Request overhead by layer: the same GET through each layer our client is built from, from
 * bare fetch up to the full client, so a gap to raw fetch is pinned on the layer that adds it.
 * Sequential, interleaved rounds, wall and CPU time per request.
 * ky, @tokenkit/core and @tokenkit/schemas are resolved through the packages that use them.
 */
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { importThrough, LOSANT_HEADERS, loadTokenkitLosant } from './contenders.mjs';
import { ACCESS_TOKEN, INSTANCE_ID, TOKEN_ID } from './fixtures.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';

/**
 * Which transport `@tokenkit/core` uses in this process: the entry Node resolves for it through
 * the vendor package (`node` condition: `node:http`; otherwise the global fetch).
 * @returns {Promise<{ short: string, description: string }>}
 */
export async function coreTransport() {
  const from = createRequire(
    fileURLToPath(new URL('../../packages/losant/package.json', import.meta.url)),
  );
  // require.resolve matches the `node` condition as import does (neither uses import/require here).
  const entry = from.resolve('@tokenkit/core');
  return entry.endsWith('/node.js')
    ? {
        short: 'node:http',
        description: `\`node:http\` with its global keep-alive agent (@tokenkit/core's \`node\` entry, ${entry.split('/').slice(-2).join('/')})`,
      }
    : { short: 'global fetch', description: `the global fetch (@tokenkit/core's default entry)` };
}

/**
 * @param {{ url: string, rounds: number, requests: number, gc: () => void,
 *   log: (line: string) => void, page?: number }} ctx
 *   without `page`: GET one token; with `page` (a page size): GET page 0 of the token list
 */
export async function runRequestLayers({ url, rounds, requests, gc, log, page }) {
  const ours = await loadTokenkitLosant();
  if (!ours.available) return { unavailable: ours.reason };
  const core = await importThrough('packages/losant', '@tokenkit/core');
  const schemas = await importThrough('packages/losant', '@tokenkit/schemas/losant');
  const { responseValidator } = await importThrough(
    'packages/losant',
    '@tokenkit/schemas/validator',
  );
  const ky = (await importThrough('packages/core', 'ky')).default;
  const transport = await coreTransport();

  const list = page !== undefined;
  const path = list
    ? `/instances/${INSTANCE_ID}/tokens`
    : `/instances/${INSTANCE_ID}/tokens/${TOKEN_ID}`;
  const query = { _actions: false, _links: true, _embedded: true };
  if (list) Object.assign(query, { page: '0', perPage: String(page) });
  const target = `${url}${path}?${new URLSearchParams(query)}`;
  // What the clients check answers with: on Node, zod's compiled clone of the schema.
  const schema = responseValidator(list ? schemas.apiTokens : schemas.apiToken);
  const schemaName = list ? 'apiTokens' : 'apiToken';
  const http = core.createHttpClient({
    baseUrl: url,
    auth: core.createTokenAuth({ scheme: 'Bearer', token: ACCESS_TOKEN }),
  });
  const client = ours.module.createLosantClient({ accessToken: ACCESS_TOKEN, url });
  const text = async (res) => JSON.parse(await res.text());
  /** @param {any} result */
  const check = (result) => (list ? result?.items?.length === page : result?.id === TOKEN_ID);

  const layers = [
    {
      name: 'fetch(url) + JSON.parse (raw)',
      call: async () => text(await fetch(target, { headers: LOSANT_HEADERS })),
    },
    {
      name: "node:http GET + JSON.parse (core's transport on Node, bare)",
      // What core sends through on Node (its `node` entry): the global agent, kept alive.
      call: () =>
        new Promise((resolve, reject) => {
          httpGet(target, { headers: LOSANT_HEADERS }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
              body += chunk;
            });
            response.once('end', () => resolve(JSON.parse(body)));
            response.once('error', reject);
          }).once('error', reject);
        }),
    },
    {
      name: 'ky over the global fetch, retry 0 and timeout off',
      call: () => ky.get(target, { headers: LOSANT_HEADERS, retry: 0, timeout: false }).json(),
    },
    {
      name: "ky over the global fetch, ky's defaults (retry 2, timeout 10 s)",
      call: () => ky.get(target, { headers: LOSANT_HEADERS }).json(),
    },
    {
      name: `@tokenkit/core request over ${transport.short}, no response schema`,
      call: async () => (await http.request({ method: 'GET', path, query })).data,
    },
    {
      name: `@tokenkit/core request + ${schemaName} schema (responseValidator)`,
      call: async () =>
        (await http.request({ method: 'GET', path, query, responseSchema: schema })).data,
    },
    list
      ? {
          name: '@tokenkit/losant instanceApiTokens.get (full client)',
          call: () =>
            client.instanceApiTokens.get({ instanceId: INSTANCE_ID, page: 0, perPage: page }),
        }
      : {
          name: '@tokenkit/losant instanceApiToken.get (full client)',
          call: () =>
            client.instanceApiToken.get({ instanceId: INSTANCE_ID, apiTokenId: TOKEN_ID }),
        },
  ];
  for (const layer of layers) {
    if (!check(await layer.call())) throw new Error(`${layer.name} did not return the data`);
    for (let i = 0; i < Math.max(list ? 20 : 200, requests / 10); i++) await layer.call();
  }

  /** @type {Record<string, { wall: number[], cpu: number[] }>} */
  const samples = Object.fromEntries(layers.map((l) => [l.name, { wall: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const layer of rotate(layers, round)) {
      gc();
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < requests; i++) await layer.call();
      const wall = msSince(start);
      const { user, system } = process.cpuUsage(cpu);
      samples[layer.name].wall.push((wall * 1000) / requests);
      samples[layer.name].cpu.push((user + system) / requests);
    }
    log(`  by layer (${list ? `page of ${page}` : 'one token'}) round ${round + 1}/${rounds}`);
  }

  const raw = samples[layers[0].name];
  return {
    what: list ? `GET one page of ${page} tokens` : 'GET one token',
    transport: transport.description,
    requests,
    rounds,
    layers: layers.map((l) => ({
      name: l.name,
      wallUs: summarize(samples[l.name].wall),
      cpuUs: summarize(samples[l.name].cpu),
      wallVsRaw: ratioOfMedians(samples[l.name].wall, raw.wall),
      cpuVsRaw: ratioOfMedians(samples[l.name].cpu, raw.cpu),
    })),
  };
}
