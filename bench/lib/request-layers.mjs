/**
 * Request overhead by layer: the same GET through each layer our client is built from, from
 * bare fetch up to the full client, so a gap to raw fetch is pinned on the layer that adds it.
 * Sequential, interleaved rounds, wall and CPU time per request.
 *
 * ky, @tokenkit/core and @tokenkit/schemas are not dependencies of the bench; they are
 * resolved through the package that depends on them (packages/losant, packages/core).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LOSANT_HEADERS, loadTokenkitLosant } from './contenders.mjs';
import { ACCESS_TOKEN, INSTANCE_ID, singleTokenBody, TOKEN_ID } from './fixtures.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Imports `specifier` as the package at `fromPackage` would see it. */
async function importFrom(fromPackage, specifier) {
  const require = createRequire(`${ROOT}${fromPackage}/package.json`);
  return import(pathToFileURL(require.resolve(specifier)).href);
}

/**
 * @param {{ url: string, rounds: number, requests: number, gc: () => void,
 *   log: (line: string) => void }} ctx
 */
export async function runRequestLayers({ url, rounds, requests, gc, log }) {
  const ours = await loadTokenkitLosant();
  if (!ours.available) return { unavailable: ours.reason };
  const core = await importFrom('packages/losant', '@tokenkit/core');
  const { apiToken } = await importFrom('packages/losant', '@tokenkit/schemas/losant');
  const ky = (await importFrom('packages/core', 'ky')).default;

  const path = `/instances/${INSTANCE_ID}/tokens/${TOKEN_ID}`;
  const target = `${url}${path}?_actions=false&_links=true&_embedded=true`;
  const query = { _actions: false, _links: true, _embedded: true };
  const http = core.createHttpClient({
    baseUrl: url,
    auth: core.createTokenAuth({ scheme: 'Bearer', token: ACCESS_TOKEN }),
  });
  const client = ours.module.createLosantClient({ accessToken: ACCESS_TOKEN, url });
  const text = async (res) => JSON.parse(await res.text());

  const layers = [
    {
      name: 'fetch(url) + JSON.parse (raw)',
      call: async () => text(await fetch(target, { headers: LOSANT_HEADERS })),
    },
    {
      name: 'raw + body buffered into a new Response (as core does per attempt)',
      call: async () => {
        const res = await fetch(target, { headers: LOSANT_HEADERS });
        const copy = new Response(await res.arrayBuffer(), {
          status: res.status,
          headers: res.headers,
        });
        return text(copy);
      },
    },
    {
      name: 'ky, retry 0 and timeout off',
      call: () => ky.get(target, { headers: LOSANT_HEADERS, retry: 0, timeout: false }).json(),
    },
    {
      name: "ky, ky's defaults (retry 2, timeout 10 s)",
      call: () => ky.get(target, { headers: LOSANT_HEADERS }).json(),
    },
    {
      name: '@tokenkit/core request, no response schema',
      call: async () => (await http.request({ method: 'GET', path, query })).data,
    },
    {
      name: '@tokenkit/core request + apiToken schema',
      call: async () =>
        (await http.request({ method: 'GET', path, query, responseSchema: apiToken })).data,
    },
    {
      name: '@tokenkit/losant instanceApiToken.get (full client)',
      call: () => client.instanceApiToken.get({ instanceId: INSTANCE_ID, apiTokenId: TOKEN_ID }),
    },
  ];
  for (const layer of layers) {
    const token = await layer.call();
    if (token?.id !== TOKEN_ID) throw new Error(`${layer.name} did not return the token`);
    for (let i = 0; i < Math.max(200, requests / 10); i++) await layer.call();
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
    log(`  layers round ${round + 1}/${rounds}`);
  }

  // Schema validation alone, without the network: parse the canned body, then validate it.
  const body = singleTokenBody();
  const n = 20_000;
  for (let i = 0; i < 2_000; i++) apiToken.parse(JSON.parse(body));
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) apiToken.parse(JSON.parse(body));
  const parseUs = (msSince(start) * 1000) / n;

  const raw = samples[layers[0].name];
  return {
    requests,
    rounds,
    layers: layers.map((l) => ({
      name: l.name,
      wallUs: summarize(samples[l.name].wall),
      cpuUs: summarize(samples[l.name].cpu),
      wallVsRaw: ratioOfMedians(samples[l.name].wall, raw.wall),
      cpuVsRaw: ratioOfMedians(samples[l.name].cpu, raw.cpu),
    })),
    jsonParsePlusSchemaUs: parseUs,
  };
}
