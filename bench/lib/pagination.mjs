/**
 * Benchmark 2: `iterate` over 10,000 and 100,000 tokens (pages of 100 and 1,000) against a
 * hand-written raw fetch loop, each measurement in its own child process for clean heap
 * figures, contenders interleaved round by round.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadTokenkitLosant, retryWhileRebuilding } from './contenders.mjs';
import { apiTokenAt } from './fixtures.mjs';
import { profileChild } from './profile.mjs';
import { runRequestLayers } from './request-layers.mjs';
import { ratioOfMedians, rotate, summarize } from './stats.mjs';
import { validationCost } from './validation-cost.mjs';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./pagination-child.mjs', import.meta.url));

/** @param {object} args */
async function measure(args) {
  const { stdout } = await retryWhileRebuilding(() =>
    run(process.execPath, ['--expose-gc', CHILD, JSON.stringify(args)], {
      maxBuffer: 16 * 1024 * 1024,
    }),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/**
 * @param {{ host: import('./servers.mjs').ServerHost, rounds: { [total: number]: number },
 *   totals: number[], perPages: number[], layerRequests: { rounds: number, requests: number },
 *   gc: () => void,
 *   log: (line: string) => void }} ctx
 */
export async function runPagination({ host, rounds, totals, perPages, layerRequests, gc, log }) {
  const ours = await loadTokenkitLosant();
  const contenders = [{ id: 'raw', name: 'raw fetch loop' }];
  const unavailable = [];
  if (ours.available) contenders.push({ id: 'ours', name: '@tokenkit/losant iterate' });
  else unavailable.push({ name: '@tokenkit/losant iterate', reason: ours.reason });

  const cases = [];
  for (const total of totals) {
    const url = await host.startPages({ total, perPages });
    for (const perPage of perPages) {
      /** @type {Record<string, any[]>} */
      const runs = Object.fromEntries(contenders.map((c) => [c.id, []]));
      for (let round = 0; round < rounds[total]; round++) {
        for (const c of rotate(contenders, round)) {
          runs[c.id].push(await measure({ contender: c.id, url, total, perPage }));
        }
        log(
          `  ${total} tokens / pages of ${perPage}, round ${round + 1}/${rounds[total]}: ${contenders
            .map((c) => `${c.name} ${runs[c.id].at(-1).ms.toFixed(0)} ms`)
            .join(', ')}`,
        );
      }
      const raw = runs.raw.map((r) => r.ms);
      cases.push({
        total,
        perPage,
        rounds: rounds[total],
        contenders: contenders.map((c) => ({
          name: c.name,
          ms: summarize(runs[c.id].map((r) => r.ms)),
          cpuMs: summarize(runs[c.id].map((r) => r.cpuMs)),
          cpuVsRawFetch: ratioOfMedians(
            runs[c.id].map((r) => r.cpuMs),
            runs.raw.map((r) => r.cpuMs),
          ),
          heapBaselineBytes: summarize(runs[c.id].map((r) => r.heapBaseline)),
          heapPeakBytes: summarize(runs[c.id].map((r) => r.heapPeak)),
          heapAfterBytes: summarize(runs[c.id].map((r) => r.heapAfter)),
          /** live heap at each tenth of the memory walk, first round */
          heapSeriesBytes: runs[c.id][0].heapSeries,
          vsRawFetch: ratioOfMedians(
            runs[c.id].map((r) => r.ms),
            raw,
          ),
        })),
      });
    }
  }

  // A CPU profile of the largest case per contender, to name the cause if a goal is missed.
  let profiles;
  if (ours.available) {
    const total = Math.max(...totals);
    const perPage = Math.min(...perPages);
    const url = await host.startPages({ total, perPages: [perPage] });
    profiles = { total, perPage };
    for (const c of contenders) {
      const args = [JSON.stringify({ contender: c.id, url, total, perPage })];
      const { output, profile } = await retryWhileRebuilding(() =>
        profileChild(CHILD, args, { nodeFlags: ['--expose-gc'] }),
      );
      profiles[c.id] = { ...profile, cpuMs: output.cpuMs };
    }
  }
  const validation = ours.available ? await validationCost({ tokens: 1_000 }) : undefined;
  // One big page through each layer of our client, to split the per-page cost.
  let layers;
  if (ours.available) {
    const perPage = Math.max(...perPages);
    const url = await host.startPages({ total: perPage, perPages: [perPage] });
    layers = await runRequestLayers({
      url,
      // As many rounds as layers, so each layer goes first once in the rotation.
      rounds: layerRequests.rounds,
      requests: layerRequests.requests,
      gc,
      log,
      page: perPage,
    });
  }
  return {
    validation,
    layers,
    tokenBytes: JSON.stringify(apiTokenAt(0)).length,
    cases,
    unavailable,
    profiles,
  };
}
