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
import { existsSync } from 'node:fs';
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
  /** Peak RSS at 10× the tokens may exceed the smaller run's by at most this. */
  rssSlackBytes: 24 * 1024 * 1024,
};

/**
 * Starts `tokenkit-mock --json` seeded for the audit; resolves its url, token and a stop().
 * @param {{ applications: number, tokensEach: number, latencyMs: number }} seed
 */
async function startMock({ applications, tokensEach, latencyMs }) {
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

/** Runs the audit once; resolves its wall time, peak RSS and report. */
function timeCliAudit(mock, concurrency) {
  const args = ['--import', RSS_HOOK, CLI_BIN, 'audit', '--all-applications'];
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
      resolve({ ms, rssBytes: Number(rss()) * 1024, report: JSON.parse(stdout()) });
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
  let cliRss = 0;
  let requests = 0;
  try {
    const contenders = [
      {
        name: 'cli',
        run: async () => {
          const run = await timeCliAudit(mock, concurrency);
          if (run.report.summary.tokens !== applications * tokensEach)
            throw new Error(`the audit read ${run.report.summary.tokens} tokens`);
          cliRss = Math.max(cliRss, run.rssBytes);
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
  const memory = await memoryAtScale(
    { applications, tokensEach: tokensEach * 10, concurrency },
    cliRss,
  );
  log(
    `  peak RSS ${(memory.smallBytes / 2 ** 20).toFixed(1)} MiB at ${applications * tokensEach} tokens, ${(memory.largeBytes / 2 ** 20).toFixed(1)} MiB at ${memory.largeTokens}`,
  );
  return {
    rounds,
    setup: { applications, tokensEach, latencyMs, concurrency, requests },
    idealMs,
    cli: summarize(samples.cli),
    sequential: summarize(samples.sequential),
    vsIdeal: summarize(samples.cli).median / idealMs,
    speedup: ratioOfMedians(samples.sequential, samples.cli),
    memory,
  };
}

/** One audit at 10× the tokens (no latency: memory, not time), its peak RSS beside the first's. */
async function memoryAtScale({ applications, tokensEach, concurrency }, smallBytes) {
  const mock = await startMock({ applications, tokensEach, latencyMs: 0 });
  try {
    const run = await timeCliAudit(mock, concurrency);
    return { smallBytes, largeBytes: run.rssBytes, largeTokens: run.report.summary.tokens };
  } finally {
    await mock.stop();
  }
}

const x = (r) => `${r.toFixed(2)}×`;

/** @param {any} a the benchmark's result @returns {import('./goals.mjs').GoalResult[]} */
export function auditGoals(a) {
  if (!a || a.unavailable) return [];
  const name = `Audit, ${a.setup.applications} applications × ${a.setup.tokensEach} tokens, ${a.setup.latencyMs} ms latency`;
  const growth = a.memory.largeBytes - a.memory.smallBytes;
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
      goal: `peak RSS at 10× the tokens ≤ +${AUDIT_GOALS.rssSlackBytes / 2 ** 20} MiB`,
      measured: `${growth >= 0 ? '+' : ''}${(growth / 2 ** 20).toFixed(1)} MiB`,
      met: growth <= AUDIT_GOALS.rssSlackBytes,
    },
  ];
}

const ms = (value) => `${value.toFixed(0)} ms`;

/** The report's section. @param {any} a */
export function auditSection(a) {
  if (a.unavailable) return `## 5. Organization audit\n\n**not available** — ${a.unavailable}\n`;
  const { setup } = a;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `## 5. Organization audit

\`tokenkit audit --all-applications --concurrency ${setup.concurrency}\` (a process per run, from spawn to exit) against the mock server's bin in its own process, seeded with ${setup.applications} applications × ${setup.tokensEach} tokens, every request delayed ${setup.latencyMs} ms. ${setup.requests} requests: /me/tokens, the application listing and each application's tokens. Beside it, a loop over losant-rest making the same reads one after another. ${a.rounds} rounds, alternating, after a warm-up.

| Contender | Median | p25–p75 | min–max |
| --- | --- | --- | --- |
| tokenkit audit | ${ms(a.cli.median)} | ${ms(a.cli.p25)}–${ms(a.cli.p75)} | ${ms(a.cli.min)}–${ms(a.cli.max)} |
| losant-rest, sequential | ${ms(a.sequential.median)} | ${ms(a.sequential.p25)}–${ms(a.sequential.p75)} | ${ms(a.sequential.min)}–${ms(a.sequential.max)} |
| ideal: ${setup.requests} ÷ ${setup.concurrency} × ${setup.latencyMs} ms | ${ms(a.idealMs)} | | |

The audit takes ${x(a.vsIdeal)} the ideal (the rest is the CLI's start-up and the judging) and is ${x(a.speedup.ratio)} faster than the sequential loop. Peak RSS of the audit: ${mib(a.memory.smallBytes)} at ${setup.applications * setup.tokensEach} tokens, ${mib(a.memory.largeBytes)} at ${a.memory.largeTokens} (tokens are judged page by page and dropped; only findings are kept).
`;
}
