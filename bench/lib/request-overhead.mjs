/**
 * Benchmark 1: request overhead of one `instanceApiToken.get`, against raw fetch + JSON.parse
 * and the official losant-rest client, on one fixed-response server in another process.
 */
import { fileURLToPath } from 'node:url';
import { requestContenders, retryWhileRebuilding } from './contenders.mjs';
import { singleTokenBody, TOKEN_ID } from './fixtures.mjs';
import { profileChild } from './profile.mjs';
import { runRequestLayers } from './request-layers.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';
import { validationCost } from './validation-cost.mjs';

const PROFILE_CHILD = fileURLToPath(new URL('./request-profile-child.mjs', import.meta.url));

/**
 * Runs `n` calls one after the other.
 * @param {() => Promise<unknown>} call
 * @param {number} n
 */
async function sequential(call, n) {
  for (let i = 0; i < n; i++) await call();
}

/**
 * Runs `n` calls with `concurrency` of them in flight at any time.
 * @param {() => Promise<unknown>} call
 * @param {number} n
 * @param {number} concurrency
 */
async function concurrent(call, n, concurrency) {
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * @param {{ host: import('./servers.mjs').ServerHost, rounds: number, scale: number, gc: () => void,
 *   log: (line: string) => void }} ctx
 */
export async function runRequestOverhead({ host, rounds, scale, gc, log }) {
  const url = await host.startFixed();
  const { contenders, unavailable } = await requestContenders(url);

  // Every contender must actually get the token before anything is timed.
  for (const c of contenders) {
    const token = await c.call();
    if (token?.id !== TOKEN_ID) throw new Error(`${c.name} did not return the token`);
  }

  // The issue's totals per contender (5,000 sequential, 20,000 at concurrency 32), split into
  // interleaved rounds so that every contender sees the same moments of machine load.
  const scenarios = [
    { name: 'sequential', total: 5_000, concurrency: 1 },
    { name: 'concurrency 32', total: 20_000, concurrency: 32 },
  ].map((s) => ({ ...s, requests: Math.round((s.total * scale) / rounds) }));
  const results = [];
  for (const scenario of scenarios) {
    const run = (c, n) =>
      scenario.concurrency === 1
        ? sequential(c.call, n)
        : concurrent(c.call, n, scenario.concurrency);
    // Warm-up: JIT, connection pools, server caches.
    for (const c of contenders) await run(c, Math.max(200, scenario.requests / 2));
    await host.stats();

    /** @type {Record<string, number[]>} µs per request, one sample per round */
    const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
    /** @type {Record<string, number[]>} connections the server saw per round */
    const connections = Object.fromEntries(contenders.map((c) => [c.name, []]));
    /** @type {Record<string, number[]>} client-process CPU µs (user + system) per request */
    const cpuSamples = Object.fromEntries(contenders.map((c) => [c.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const c of rotate(contenders, round)) {
        gc();
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        await run(c, scenario.requests);
        const ms = msSince(start);
        const { user, system } = process.cpuUsage(cpu);
        samples[c.name].push((ms * 1000) / scenario.requests);
        cpuSamples[c.name].push((user + system) / scenario.requests);
        const seen = await host.stats();
        if (seen.requests !== scenario.requests) {
          throw new Error(
            `${c.name}: server saw ${seen.requests} requests, expected ${scenario.requests}`,
          );
        }
        connections[c.name].push(seen.connections);
      }
      log(
        `  ${scenario.name} round ${round + 1}/${rounds}: ${contenders
          .map((c) => `${c.name} ${samples[c.name].at(-1).toFixed(1)} µs`)
          .join(', ')}`,
      );
    }

    const raw = samples[contenders[0].name];
    const losantRest = samples['losant-rest 2.8.1'];
    results.push({
      scenario: scenario.name,
      requests: scenario.requests,
      totalRequests: scenario.requests * rounds,
      concurrency: scenario.concurrency,
      rounds,
      contenders: contenders.map((c) => ({
        name: c.name,
        note: c.note,
        usPerRequest: summarize(samples[c.name]),
        cpuUsPerRequest: summarize(cpuSamples[c.name]),
        cpuVsRawFetch: ratioOfMedians(cpuSamples[c.name], cpuSamples[contenders[0].name]),
        requestsPerSecond: summarize(samples[c.name].map((us) => 1e6 / us)),
        connectionsPerRound: summarize(connections[c.name]),
        vsRawFetch: ratioOfMedians(samples[c.name], raw),
        vsLosantRest: ratioOfMedians(samples[c.name], losantRest),
      })),
      unavailable,
    });
  }

  // Where the CPU time goes (to name the cause if a goal is missed): each contender alone,
  // sequential, in a profiled child process against the same server.
  const profiled = Math.round(2_000 * scale);
  const profiles = { requests: profiled };
  for (const c of contenders) {
    const args = [JSON.stringify({ url, contender: c.name, requests: profiled })];
    const { output, profile } = await retryWhileRebuilding(() => profileChild(PROFILE_CHILD, args));
    profiles[c.name] = { ...profile, cpuUsPerRequest: output.cpuUs / profiled };
  }
  log('  cost by layer');
  const layers = await runRequestLayers({
    url,
    rounds,
    requests: Math.round(250 * scale),
    gc,
    log,
  });
  return {
    layers,
    validation: layers.unavailable ? undefined : await validationCost({ tokens: 1 }),
    bodyBytes: Buffer.byteLength(singleTokenBody()),
    scenarios: results,
    unavailable,
    profiles,
  };
}
