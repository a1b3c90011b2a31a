/**
 * One pagination measurement, in a fresh process started with --expose-gc so the heap
 * figures belong to this case alone. Prints one JSON line.
 *
 * argv[2]: JSON { contender: 'raw' | 'ours', url, total, perPage }
 * The timed pass is reported as `window`, for profileChild.
 *
 * Steps: warm up (first 5,000 tokens) and take the heap baseline after a full GC, one timed
 * walk over every token, then a memory walk that runs a full GC at ten checkpoints and records
 * the largest live heap seen.
 */

import { LOSANT_HEADERS, loadTokenkitLosant } from './contenders.mjs';
import { ACCESS_TOKEN, INSTANCE_ID } from './fixtures.mjs';
import { profilerNow } from './profile.mjs';
import { msSince } from './stats.mjs';

const { contender, url, total, perPage } = JSON.parse(process.argv[2]);
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

/**
 * Walks every token, calling `onItem` for each; stops early when it returns true.
 * @typedef {(onItem: (token: any) => boolean | void) => Promise<void>} Walk
 */

/** @type {Walk} the hand-written loop: fetch each page, JSON.parse, stop on the last page */
const rawWalk = async (onItem) => {
  let seen = 0;
  for (let page = 0; ; page++) {
    const res = await fetch(
      `${url}/instances/${INSTANCE_ID}/tokens?_actions=false&_links=true&_embedded=true&page=${page}&perPage=${perPage}`,
      { headers: LOSANT_HEADERS },
    );
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = JSON.parse(text);
    for (const token of body.items) if (onItem(token)) return;
    seen += body.items.length;
    if (body.items.length < perPage || seen >= body.totalCount) return;
  }
};

/** @returns {Promise<Walk>} our iterate, as users write it */
async function oursWalk() {
  const loaded = await loadTokenkitLosant();
  if (!loaded.available) throw new Error(loaded.reason);
  const client = loaded.module.createLosantClient({ accessToken: ACCESS_TOKEN, url });
  return async (onItem) => {
    for await (const token of client.instanceApiTokens.iterate({
      instanceId: INSTANCE_ID,
      perPage,
    })) {
      if (onItem(token)) return;
    }
  };
}

/**
 * A full GC, a turn of the event loop, and another: what the first frees, weak references and
 * finalizers (undici's, for instance) release only after a tick.
 */
async function settledGc() {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

const walk = contender === 'raw' ? rawWalk : await oursWalk();

// Warm-up; then the heap baseline: everything the first walk set up (code, pools) is in it.
let count = 0;
await walk(() => ++count >= Math.min(5_000, total));
await settledGc();
const baseline = process.memoryUsage().heapUsed;

// Timed pass. The checksum keeps the work observable.
count = 0;
let checksum = 0;
const windowStart = profilerNow();
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
await walk((token) => {
  count++;
  checksum += token.name.length;
});
const ms = msSince(start);
const cpuUsed = process.cpuUsage(cpuStart);
const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
const window = { start: windowStart, end: profilerNow() };
if (count !== total) throw new Error(`${contender} saw ${count} tokens, expected ${total}`);

// Memory pass: the live heap (heapUsed right after a full GC) at ten points during a second
// full walk, so anything the timed walk left behind counts too.
const every = Math.max(1, Math.floor(total / 10));
/** @type {number[]} live heap at each checkpoint */
const series = [];
count = 0;
await walk(() => {
  if (++count % every === 0) {
    gc();
    series.push(process.memoryUsage().heapUsed);
  }
});
const peak = Math.max(...series);
await settledGc();
const after = process.memoryUsage().heapUsed;

const result = {
  ms,
  cpuMs,
  count,
  checksum,
  heapBaseline: baseline,
  heapPeak: peak,
  heapSeries: series,
  heapAfter: after,
};
process.stdout.write(`${JSON.stringify({ ...result, window })}\n`);
