/**
 * Benchmark 4: start-up time of `tokenkit --help` against `node -e 0` (the floor: starting
 * Node itself), runs interleaved, ratio of medians.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { retryWhileRebuilding } from './contenders.mjs';
import { profileChild } from './profile.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_BIN = join(ROOT, 'apps/cli/dist/bin.js');

/** @param {string[]} args */
function timeRun(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = msSince(start);
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  }
  return { ms, stdout: r.stdout };
}

/** @param {{ runs: number, log: (line: string) => void }} ctx */
export async function runCliStart({ runs, log }) {
  if (!existsSync(CLI_BIN)) {
    return { unavailable: `apps/cli/dist/bin.js not built` };
  }
  const contenders = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'tokenkit --help', args: [CLI_BIN, '--help'] },
  ];
  /** One timed run, tried again if the CLI's dist is being rebuilt at that moment. */
  const timed = (args) => retryWhileRebuilding(async () => timeRun(args));
  const help = (await timed(contenders[1].args)).stdout;
  if (!/tokenkit/i.test(help)) throw new Error('tokenkit --help printed no help');
  for (const c of contenders) for (let i = 0; i < 3; i++) await timed(c.args);

  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const c of rotate(contenders, round)) samples[c.name].push((await timed(c.args)).ms);
  }
  const ratio = ratioOfMedians(samples['tokenkit --help'], samples['node -e 0']);
  log(
    `  node -e 0 ${summarize(samples['node -e 0']).median.toFixed(1)} ms, tokenkit --help ${summarize(samples['tokenkit --help']).median.toFixed(1)} ms`,
  );
  return {
    runs,
    contenders: contenders.map((c) => ({
      name: c.name,
      command: `node ${c.args.map((a) => a.replace(ROOT, '')).join(' ')}`,
      ms: summarize(samples[c.name]),
    })),
    ratio,
    // One profiled start, to name the cause if the goal is missed.
    profile: (await retryWhileRebuilding(() => profileChild(CLI_BIN, ['--help'], { cwd: ROOT })))
      .profile,
  };
}
