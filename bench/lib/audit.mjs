/**
 * Benchmark 5: `tokenkit audit --all-applications` over many applications behind real latency,
 * against the ideal (requests ÷ concurrency × latency) and against a sequential loop over the
 * official losant-rest client doing the same reads. Also the audit's peak memory at 10× the
 * tokens, to show it does not keep them.
 *
 * The mock server runs as its own process (its bin, seeded with --applications and
 * --tokens-per-application, every request delayed by --latency).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BIN } from './cli-start.mjs';
import { loadLosantRest } from './contenders.mjs';
import { msSince, ratioOfMedians, rotate, summarize } from './stats.mjs';

const MOCK_BIN = fileURLToPath(new URL('../../packages/mock-server/dist/bin.js', import.meta.url));
const RSS_HOOK = fileURLToPath(new URL('./audit-rss.mjs', import.meta.url));
const PER_PAGE = 100;

/** The goals of issue 15. */
export const AUDIT_GOALS = {
  vsIdeal: 1.5,
  vsSequential: 5,
  /**
   * The peak live heap at 10× the tokens may exceed the smaller run's by at most this, the
   * pagination benchmark's slack; keeping 54,000 more tokens would add tens of MiB.
   */
  heapSlackBytes: 5 * 1024 * 1024,
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
function timeCliAudit(mock, concurrency, { memory = false, extraArgs = [] } = {}) {
  const hook = memory ? ['--expose-gc', '--import', RSS_HOOK] : ['--import', RSS_HOOK];
  const args = [...hook, CLI_BIN, 'audit', '--all-applications', ...extraArgs];
  args.push('--concurrency', String(concurrency), '--fail-on', 'none', '--json');
  const env = {
    PATH: process.env.PATH,
    LOSANT_ACCESS_TOKEN: mock.accessToken,
    LOSANT_API_URL: mock.url,
  };
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const read = (stream) => {
      let text = '';
      stream.setEncoding('utf8').on('data', (chunk) => {
        text += chunk;
      });
      return () => text;
    };
    const [stdout, stderr, rss] = [read(child.stdout), read(child.stderr), read(child.stdio[3])];
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = msSince(start);
      if (code !== 0)
        return reject(new Error(`tokenkit audit exited ${code}: ${stderr().slice(0, 300)}`));
      resolve({ ms, usage: JSON.parse(rss()), report: JSON.parse(stdout()) });
    });
  });
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
  log(
    `  audit ${summarize(samples.cli).median.toFixed(0)} ms (ideal ${idealMs.toFixed(0)} ms), losant-rest loop ${summarize(samples.sequential).median.toFixed(0)} ms`,
  );
  const memory = await memoryAtScale({ applications, tokensEach, concurrency });
  log(
    `  peak live heap ${mib(memory.small.peakLiveHeapBytes)} at ${memory.small.tokens} tokens, ${mib(memory.large.peakLiveHeapBytes)} at ${memory.large.tokens}`,
  );
  return {
    rounds,
    setup: { applications, tokensEach, latencyMs, concurrency, requests },
    idealMs,
    cli: summarize(samples.cli),
    cliCpu: summarize(cpu),
    loadAverage: os.loadavg()[0],
    sequential: summarize(samples.sequential),
    vsIdeal: summarize(samples.cli).median / idealMs,
    speedup: ratioOfMedians(samples.sequential, samples.cli),
    memory,
  };
}

/**
 * Peak RSS of one audit at the benchmark's size and one at 10× the tokens, both without latency
 * and with every rule off (no findings): memory, not time.
 */
async function memoryAtScale({ applications, tokensEach, concurrency }) {
  const policy = silentPolicy();
  const peak = async (perApplication) => {
    const mock = await startMock({ applications, tokensEach: perApplication, latencyMs: 0 });
    try {
      const run = await timeCliAudit(mock, concurrency, {
        memory: true,
        extraArgs: ['--policy', policy],
      });
      return { tokens: run.report.summary.tokens, ...run.usage };
    } finally {
      await mock.stop();
    }
  };
  const small = await peak(tokensEach);
  const large = await peak(tokensEach * 10);
  return {
    small,
    large,
  };
}

const x = (r) => `${r.toFixed(2)}×`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** @param {any} a the benchmark's result @returns {import('./goals.mjs').GoalResult[]} */
export function auditGoals(a) {
  if (!a || a.unavailable) return [];
  const name = `Audit, ${a.setup.applications} applications × ${a.setup.tokensEach} tokens, ${a.setup.latencyMs} ms latency`;
  const growth = a.memory.large.peakLiveHeapBytes - a.memory.small.peakLiveHeapBytes;
  return [
    {
      benchmark: name,
      goal: `≤ ${AUDIT_GOALS.vsIdeal}× ideal (requests ÷ concurrency × latency)`,
      measured: x(a.vsIdeal),
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
  ];
}

const ms = (value) => `${value.toFixed(0)} ms`;

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

The audit takes ${x(a.vsIdeal)} the ideal and is ${x(a.speedup.ratio)} faster than the sequential loop. Its own CPU time (user + system, start-up included) is ${ms(a.cliCpu.median)} a run (${ms(a.cliCpu.min)}–${ms(a.cliCpu.max)}): where the wall time is far above ideal + CPU, the process was waiting for a core, not for the walk (load average ${a.loadAverage.toFixed(1)} on ${os.availableParallelism()} CPUs at the end of this benchmark). Memory, in an audit with every rule off (no findings, no latency) so that only the tokens could make it grow, measured as the live heap right after a full GC every 50 ms: peak ${mib(a.memory.small.peakLiveHeapBytes)} at ${a.memory.small.tokens} tokens and ${mib(a.memory.large.peakLiveHeapBytes)} at ${a.memory.large.tokens} (peak RSS ${mib(a.memory.small.maxRssBytes)} and ${mib(a.memory.large.maxRssBytes)}). Tokens are judged page by page and dropped; only findings are kept.
`;
}
