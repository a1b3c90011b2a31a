/**
 * Benchmark 5: `tokenkit audit --all-applications` over many applications behind real latency,
 * against the ideal (requests ÷ concurrency × latency) and against a sequential loop over the
 * official losant-rest client doing the same reads. Also the audit's memory and CPU at 10× the
 * applications (60,000 tokens, JSON written to a file), and its live heap with every rule off,
 * to show it keeps no tokens.
 *
 * The mock server runs as its own process (its bin, seeded with --applications and
 * --tokens-per-application, every request delayed by --latency).
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BIN } from './cli-start.mjs';
import { loadLosantRest } from './contenders.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';

const MOCK_BIN = fileURLToPath(new URL('../../packages/mock-server/dist/bin.js', import.meta.url));
const RSS_HOOK = fileURLToPath(new URL('./audit-rss.mjs', import.meta.url));
const PER_PAGE = 100;

/** The goals of issues 15 and 26. */
export const AUDIT_GOALS = {
  vsIdeal: 1.25,
  /** Issue 26: the ideal includes the audit's start-up (spawn to first request) up to this. */
  startupAllowanceMs: 300,
  vsSequential: 5,
  /**
   * The peak live heap at 10× the tokens may exceed the smaller run's by at most this, the
   * pagination benchmark's slack; keeping 54,000 more tokens would add tens of MiB.
   */
  heapSlackBytes: 5 * 1024 * 1024,
  /** At 10× the applications (60,000 tokens, two findings each), JSON written to a file. */
  largeMaxRssBytes: 256 * 1024 * 1024,
  largeMaxCpuMs: 3000,
};

/**
 * Starts `tokenkit-mock --json` seeded for the audit; resolves its url, token and a stop().
 * @param {{ applications: number, tokensEach: number, latencyMs: number }} seed
 */
export async function startMock({ applications, tokensEach, latencyMs }) {
  const args = ['--json', '--applications', String(applications)];
  args.push('--tokens-per-application', String(tokensEach), '--latency', String(latencyMs));
  const child = spawn(process.execPath, [MOCK_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`tokenkit-mock exited ${code}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
  });
  const { url, losant } = JSON.parse(line);
  const stop = () =>
    new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, accessToken: losant.accessToken, stop };
}

/**
 * A policy with every rule off: no findings, so whatever memory grows with is the tokens. (The
 * mock's generated tokens all carry `all.*` and no expiry: two findings each otherwise.)
 */
function silentPolicy() {
  const rules = ['expired', 'expiredInactive', 'expiringSoon', 'expiring', 'inactive'];
  rules.push('neverExpiring', 'overBroad', 'overBroadNeverExpiring', 'tooLongLived');
  const file = join(mkdtempSync(join(tmpdir(), 'tokenkit-bench-')), 'silent-policy.json');
  writeFileSync(
    file,
    JSON.stringify({ severity: Object.fromEntries(rules.map((r) => [r, 'off'])) }),
  );
  return file;
}

/**
 * Runs the audit once; resolves its wall time and report, and with `memory` (the hook's forced
 * collections cost time) its peak RSS and peak live heap.
 */
function timeCliAudit(mock, concurrency, { memory = false, extraArgs = [], toFile = false } = {}) {
  const hook = memory ? ['--expose-gc', '--import', RSS_HOOK] : ['--import', RSS_HOOK];
  const args = [...hook, CLI_BIN, 'audit', '--all-applications', ...extraArgs];
  args.push('--concurrency', String(concurrency), '--fail-on', 'none', '--json');
  // A large report goes to a file, as a CI job would write it (`> audit.json`).
  const dir = toFile ? mkdtempSync(join(tmpdir(), 'tokenkit-bench-report-')) : undefined;
  const file = dir && join(dir, 'audit.json');
  const out = file ? openSync(file, 'w') : 'pipe';
  const env = {
    PATH: process.env.PATH,
    LOSANT_ACCESS_TOKEN: mock.accessToken,
    LOSANT_API_URL: mock.url,
  };
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const spawnedAt = performance.timeOrigin + performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', out, 'pipe', 'pipe'] });
    if (typeof out === 'number') closeSync(out);
    const read = (stream) => {
      let text = '';
      stream.setEncoding('utf8').on('data', (chunk) => {
        text += chunk;
      });
      return () => text;
    };
    const stdout = child.stdout ? read(child.stdout) : () => readFileSync(file, 'utf8');
    const [stderr, rss] = [read(child.stderr), read(child.stdio[3])];
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = msSince(start);
      if (code !== 0)
        return reject(new Error(`tokenkit audit exited ${code}: ${stderr().slice(0, 300)}`));
      const report = JSON.parse(stdout());
      if (dir) rmSync(dir, { recursive: true, force: true });
      const usage = readUsage(rss());
      resolve({ ms, usage, report, startupMs: usage.firstRequestAt - spawnedAt });
    });
  });
}

/**
 * The process's figures from the hook's lines (audit-rss.mjs): RSS and CPU from the main
 * thread, which ends last; the peak live heap summed over the threads (the audit runs in a
 * Worker, the command line around it on the main thread); the first request either sent.
 */
function readUsage(text) {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const main = lines.find((line) => line.thread === 'main') ?? lines.at(-1);
  const peakLiveHeapBytes = lines.reduce((sum, line) => sum + line.peakLiveHeapBytes, 0);
  const firstRequestAt = Math.min(...lines.map((line) => line.firstRequestAt ?? Infinity));
  return { maxRssBytes: main.maxRssBytes, cpuMs: main.cpuMs, peakLiveHeapBytes, firstRequestAt };
}

/** Every page of a list, one request after another, as a loop over losant-rest reads them. */
async function sequentialPages(get, onItems) {
  for (let page = 0; ; page++) {
    const result = await get(page);
    onItems(result.items ?? []);
    if ((page + 1) * PER_PAGE >= (result.totalCount ?? 0)) return;
  }
}

/** The same reads as the audit, with losant-rest, one at a time; resolves the tokens read. */
async function sequentialLosantRest(mock) {
  const client = loadLosantRest().createClient({ accessToken: mock.accessToken, url: mock.url });
  let tokens = 0;
  const count = (items) => {
    tokens += items.length;
  };
  const apps = [];
  await sequentialPages(
    (page) => client.applications.get({ page, perPage: PER_PAGE }),
    (items) => apps.push(...items),
  );
  await sequentialPages((page) => client.userApiTokens.get({ page, perPage: PER_PAGE }), count);
  for (const app of apps) {
    const get = (page) =>
      client.applicationApiTokens.get({ applicationId: app.id, page, perPage: PER_PAGE });
    await sequentialPages(get, count);
  }
  return tokens;
}

/**
 * The requests an audit sends, from its report: /me/tokens, the listing's pages, and each
 * application's pages (the mock also holds its own seeded, empty application).
 */
function requestCount(report, tokensEach) {
  const apps = report.sources.filter((source) => source.owner.kind === 'application').length;
  return 1 + Math.ceil(apps / PER_PAGE) + apps * Math.max(1, Math.ceil(tokensEach / PER_PAGE));
}

/**
 * @param {{ rounds: number, applications?: number, tokensEach?: number, latencyMs?: number,
 *   concurrency?: number, log: (line: string) => void }} ctx
 */
export async function runAuditBench(ctx) {
  const { rounds, applications = 200, tokensEach = 30, latencyMs = 50, concurrency = 8, log } = ctx;
  if (!existsSync(CLI_BIN) || !existsSync(MOCK_BIN)) {
    return { unavailable: 'apps/cli or packages/mock-server is not built' };
  }
  const mock = await startMock({ applications, tokensEach, latencyMs });
  const samples = { cli: [], sequential: [] };
  /** The audit process's own CPU time per run (user + system). */
  const cpu = [];
  /** Per run, from spawn to the first request the audit sent. */
  const startup = [];
  let requests = 0;
  try {
    const contenders = [
      {
        name: 'cli',
        run: async () => {
          const run = await timeCliAudit(mock, concurrency);
          if (run.report.summary.tokens !== applications * tokensEach)
            throw new Error(`the audit read ${run.report.summary.tokens} tokens`);
          cpu.push(run.usage.cpuMs);
          startup.push(run.startupMs);
          return run.ms;
        },
      },
      {
        name: 'sequential',
        run: async () => {
          const start = process.hrtime.bigint();
          const tokens = await sequentialLosantRest(mock);
          if (tokens !== applications * tokensEach)
            throw new Error(`losant-rest read ${tokens} tokens`);
          return msSince(start);
        },
      },
    ];
    // Warm-up (compile cache, connections), and the request count from its report.
    requests = requestCount((await timeCliAudit(mock, concurrency)).report, tokensEach);
    for (let round = 0; round < rounds; round++) {
      for (const c of rotate(contenders, round)) samples[c.name].push(await c.run());
    }
  } finally {
    await mock.stop();
  }
  const idealMs = (requests / concurrency) * latencyMs;
  const startupMs = summarize(startup);
  // The goal's ideal counts start-up (spawn to the first request) up to 0.3 s.
  const idealWithStartupMs = idealMs + Math.min(startupMs.median, AUDIT_GOALS.startupAllowanceMs);
  log(
    `  audit ${summarize(samples.cli).median.toFixed(0)} ms (ideal ${idealMs.toFixed(0)} ms), losant-rest loop ${summarize(samples.sequential).median.toFixed(0)} ms`,
  );
  const memory = await memoryAtScale({
    applications,
    tokensEach,
    concurrency,
    largeRuns: rounds > 1 ? 5 : 1,
  });
  const big = medianRun(memory.withFindingsLarge);
  log(
    `  peak live heap (rules off) ${mib(memory.small.peakLiveHeapBytes)} at ${memory.small.tokens} tokens, ${mib(memory.large.peakLiveHeapBytes)} at ${memory.large.tokens}; every rule on, JSON to a file: ${mib(big.maxRssBytes)} peak RSS, ${ms(big.cpuMs)} CPU at ${big.tokens} tokens`,
  );
  return {
    rounds,
    setup: { applications, tokensEach, latencyMs, concurrency, requests },
    idealMs,
    startupMs,
    idealWithStartupMs,
    cli: summarize(samples.cli),
    cliCpu: summarize(cpu),
    loadAverage: os.loadavg()[0],
    sequential: summarize(samples.sequential),
    vsIdeal: summarize(samples.cli).median / idealWithStartupMs,
    vsIdealWalk: summarize(samples.cli).median / idealMs,
    speedup: ratioOfMedians(samples.sequential, samples.cli),
    memory,
  };
}

/**
 * The audit at the benchmark's size and at 10× the applications (60,000 tokens at 2,000 × 30),
 * without latency, one mock per size: (1) as a user runs it, every rule on (a finding a
 * token) and the JSON written to a file: peak RSS and CPU, the large one `largeRuns` times;
 * (2) with every rule off (no findings) and a full GC every 50 ms: the peak live heap, which
 * only kept tokens could grow; (3) every rule on with the same collections: how the live heap
 * grows with the findings.
 */
async function memoryAtScale({ applications, tokensEach, concurrency, largeRuns }) {
  const policy = silentPolicy();
  const atSize = async (apps, fileRuns) => {
    const mock = await startMock({ applications: apps, tokensEach, latencyMs: 0 });
    const run = async ({ gc, silent }) => {
      const audit = await timeCliAudit(mock, concurrency, {
        memory: gc,
        toFile: true,
        extraArgs: silent ? ['--policy', policy] : [],
      });
      const { tokens, total: findings } = audit.report.summary;
      return { tokens, findings, ms: audit.ms, ...audit.usage };
    };
    try {
      const silent = await run({ gc: true, silent: true });
      const liveWithFindings = await run({ gc: true, silent: false });
      const withFindings = [];
      for (let i = 0; i < fileRuns; i++) withFindings.push(await run({ gc: false, silent: false }));
      return { silent, liveWithFindings, withFindings };
    } finally {
      await mock.stop();
    }
  };
  const small = await atSize(applications, 1);
  const large = await atSize(applications * 10, largeRuns);
  return {
    small: small.silent,
    large: large.silent,
    liveWithFindings: [small.liveWithFindings, large.liveWithFindings],
    withFindingsSmall: small.withFindings[0],
    withFindingsLarge: large.withFindings,
  };
}

/** The run of a repeated measurement with the median peak RSS. */
function medianRun(samples) {
  return [...samples].sort((a, b) => a.maxRssBytes - b.maxRssBytes)[(samples.length - 1) >> 1];
}

const x = (r) => `${r.toFixed(2)}×`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value) => `${value.toFixed(0)} ms`;

/** @param {any} a the benchmark's result @returns {import('./goals.mjs').GoalResult[]} */
export function auditGoals(a) {
  if (!a || a.unavailable) return [];
  const name = `Audit, ${a.setup.applications} applications × ${a.setup.tokensEach} tokens, ${a.setup.latencyMs} ms latency`;
  const growth = a.memory.large.peakLiveHeapBytes - a.memory.small.peakLiveHeapBytes;
  return [
    {
      benchmark: name,
      goal: `≤ ${AUDIT_GOALS.vsIdeal}× ideal (requests ÷ concurrency × latency, plus start-up up to ${AUDIT_GOALS.startupAllowanceMs / 1000} s)`,
      measured: `${x(a.vsIdeal)} (start-up ${ms(a.startupMs.median)}; ${x(a.vsIdealWalk)} without it)`,
      met: a.vsIdeal <= AUDIT_GOALS.vsIdeal,
    },
    {
      benchmark: name,
      goal: `≥ ${AUDIT_GOALS.vsSequential}× faster than a sequential losant-rest loop`,
      measured: x(a.speedup.ratio),
      met: a.speedup.ratio >= AUDIT_GOALS.vsSequential,
    },
    {
      benchmark: 'Audit memory',
      goal: `peak live heap at 10× the tokens ≤ +${AUDIT_GOALS.heapSlackBytes / 2 ** 20} MiB`,
      measured: `${growth >= 0 ? '+' : ''}${(growth / 2 ** 20).toFixed(1)} MiB`,
      met: growth <= AUDIT_GOALS.heapSlackBytes,
    },
    ...largeAuditGoals(a.memory.withFindingsLarge),
  ];
}

/** The goals of the 60,000-token audit (peak RSS, CPU), on its median run. */
function largeAuditGoals(samples) {
  if (!samples?.length) return [];
  const run = medianRun(samples);
  // Each figure's own median: the run with the median RSS need not have the median CPU.
  const cpuMs = summarize(samples.map((sample) => sample.cpuMs)).median;
  const benchmark = `Audit, ${run.tokens.toLocaleString('en-US')} tokens, every rule on, JSON to a file`;
  return [
    {
      benchmark,
      goal: `peak RSS ≤ ${AUDIT_GOALS.largeMaxRssBytes / 2 ** 20} MiB`,
      measured: mib(run.maxRssBytes),
      met: run.maxRssBytes <= AUDIT_GOALS.largeMaxRssBytes,
    },
    {
      benchmark,
      goal: `CPU of the audit process ≤ ${AUDIT_GOALS.largeMaxCpuMs / 1000} s`,
      measured: `${ms(cpuMs)} (median of ${samples.length} runs)`,
      met: cpuMs <= AUDIT_GOALS.largeMaxCpuMs,
    },
  ];
}

/** How the live heap grows with the findings (every rule on, a full GC every 50 ms). */
function liveWithFindingsText(runs) {
  if (!runs) return '';
  const [small, large] = runs;
  const perFinding =
    (large.peakLiveHeapBytes - small.peakLiveHeapBytes) / (large.findings - small.findings);
  return ` With every rule on (the same collections, JSON to a file), the peak live heap is ${mib(small.peakLiveHeapBytes)} at ${small.tokens} tokens (${small.findings} findings) and ${mib(large.peakLiveHeapBytes)} at ${large.tokens} (${large.findings}): about ${perFinding.toFixed(0)} bytes more per finding, which the report needs until it is written.`;
}

/** The report's section. @param {any} a */
export function auditSection(a) {
  if (a.unavailable) return `## 5. Organization audit\n\n**not available** — ${a.unavailable}\n`;
  const { setup } = a;
  return `## 5. Organization audit

\`tokenkit audit --all-applications --concurrency ${setup.concurrency}\` (a process per run, from spawn to exit) against the mock server's bin in its own process, seeded with ${setup.applications} applications × ${setup.tokensEach} tokens, every request delayed ${setup.latencyMs} ms. ${setup.requests} requests: /me/tokens, the application listing and each application's tokens. Beside it, a loop over losant-rest making the same reads one after another. ${a.rounds} rounds, alternating, after a warm-up.

| Contender | Median | p25–p75 | min–max |
| --- | --- | --- | --- |
| tokenkit audit | ${ms(a.cli.median)} | ${ms(a.cli.p25)}–${ms(a.cli.p75)} | ${ms(a.cli.min)}–${ms(a.cli.max)} |
| losant-rest, sequential | ${ms(a.sequential.median)} | ${ms(a.sequential.p25)}–${ms(a.sequential.p75)} | ${ms(a.sequential.min)}–${ms(a.sequential.max)} |
| ideal: ${setup.requests} ÷ ${setup.concurrency} × ${setup.latencyMs} ms | ${ms(a.idealMs)} | | |
| start-up: spawn to the first request | ${ms(a.startupMs.median)} | ${ms(a.startupMs.p25)}–${ms(a.startupMs.p75)} | ${ms(a.startupMs.min)}–${ms(a.startupMs.max)} |
| ideal with start-up (up to ${ms(AUDIT_GOALS.startupAllowanceMs)} of it) | ${ms(a.idealWithStartupMs)} | | |

The audit takes ${x(a.vsIdeal)} the ideal with start-up (${x(a.vsIdealWalk)} the ideal without it) and is ${x(a.speedup.ratio)} faster than the sequential loop. Its own CPU time (user + system, start-up included) is ${ms(a.cliCpu.median)} a run (${ms(a.cliCpu.min)}–${ms(a.cliCpu.max)}): where the wall time is far above ideal + CPU, the process was waiting for a core, not for the walk (load average ${a.loadAverage.toFixed(1)} on ${os.availableParallelism()} CPUs at the end of this benchmark). Memory, in an audit with every rule off (no findings, no latency) so that only the tokens could make it grow, measured as the live heap right after a full GC every 50 ms: peak ${mib(a.memory.small.peakLiveHeapBytes)} at ${a.memory.small.tokens} tokens and ${mib(a.memory.large.peakLiveHeapBytes)} at ${a.memory.large.tokens} (peak RSS ${mib(a.memory.small.maxRssBytes)} and ${mib(a.memory.large.maxRssBytes)}). Tokens are judged page by page and dropped; only findings are kept.${liveWithFindingsText(a.memory.liveWithFindings)}

As a user runs it, every rule on and the JSON report written to a file (no latency, no forced collection; peak RSS and CPU of the audit process, start-up included):

| Tokens | Findings | Report | Peak RSS | CPU | Wall |
| --- | --- | --- | --- | --- | --- |
${[a.memory.withFindingsSmall, ...a.memory.withFindingsLarge]
  .map(
    (r) =>
      `| ${r.tokens.toLocaleString('en-US')} | ${r.findings.toLocaleString('en-US')} | JSON, to a file | ${mib(r.maxRssBytes)} | ${ms(r.cpuMs)} | ${ms(r.ms)} |`,
  )
  .join('\n')}
`;
}
