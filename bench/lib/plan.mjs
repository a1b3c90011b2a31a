/**
 * Benchmark 6: a declarative plan (`@tokenkit/plan`'s makePlan, and the `tokenkit plan` process)
 * over many applications behind real latency, against the ideal (requests ÷ concurrency ×
 * latency). The tokens file is written by `importTokens` from the same mock, so every token is
 * declared and the plan finds no changes: the time is the reads and the comparison.
 *
 * The mock server runs as its own process (its bin), as for the audit benchmark.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from './audit.mjs';
import { CLI_BIN } from './cli-start.mjs';
import { msSince, rotate, summarize } from './stats.mjs';

/** The goal of issue 23. */
export const PLAN_GOALS = { vsIdeal: 1.3 };

async function loadPlanKit() {
  try {
    const plan = await import('@tokenkit/plan');
    const { createLosantClient } = await import('@tokenkit/losant');
    return { plan, createLosantClient };
  } catch (error) {
    return { unavailable: `@tokenkit/plan is not built (${error.message})` };
  }
}

/** `tokenkit plan --json` as a process, from spawn to exit; resolves its time and plan. */
function timeCliPlan(mock, file, concurrency) {
  const args = [CLI_BIN, 'plan', '-f', file, '--json', '--concurrency', String(concurrency)];
  const env = {
    PATH: process.env.PATH,
    LOSANT_ACCESS_TOKEN: mock.accessToken,
    LOSANT_API_URL: mock.url,
  };
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = msSince(start);
      if (code !== 0)
        return reject(new Error(`tokenkit plan exited ${code}: ${stderr.slice(0, 300)}`));
      resolve({ ms, plan: JSON.parse(stdout) });
    });
  });
}

/** Throws unless the plan found every token unchanged. */
function checkPlan(json, tokens) {
  if (json.changes.length !== 0 || json.unchanged.length !== tokens) {
    throw new Error(
      `the plan found ${json.changes.length} changes and ${json.unchanged.length} unchanged of ${tokens}`,
    );
  }
}

/**
 * @param {{ rounds: number, applications?: number, tokensEach?: number, latencyMs?: number,
 *   concurrency?: number, log: (line: string) => void }} ctx
 */
export async function runPlanBench(ctx) {
  const { rounds, applications = 200, tokensEach = 30, latencyMs = 50, concurrency = 8, log } = ctx;
  const kit = await loadPlanKit();
  if (kit.unavailable) return { unavailable: kit.unavailable };
  if (!existsSync(CLI_BIN)) return { unavailable: 'apps/cli is not built' };
  const { plan, createLosantClient } = kit;
  const mock = await startMock({ applications, tokensEach, latencyMs });
  const samples = { library: [], cli: [], read: [] };
  const tokens = applications * tokensEach;
  let requests = 0;
  let fileBytes = 0;
  try {
    const client = createLosantClient({ accessToken: mock.accessToken, url: mock.url });
    const connections = { losant: { client, credential: mock.accessToken } };
    const imported = await plan.importTokens(connections, { allApplications: {}, concurrency });
    const folder = mkdtempSync(join(tmpdir(), 'tokenkit-bench-plan-'));
    const path = join(folder, 'tokens.yaml');
    writeFileSync(path, imported.text);
    fileBytes = Buffer.byteLength(imported.text);
    // One request per application: every owner's tokens fit one page of 1,000.
    requests = new Set(
      plan.parseTokensFile(imported.text, path, folder).losant.map((e) => e.owner.id),
    ).size;
    const contenders = [
      {
        name: 'library',
        run: async () => {
          // Reading the file is timed on its own: it is CPU only, and the same at any latency.
          const read = process.hrtime.bigint();
          const file = await plan.readTokensFile(path);
          samples.read.push(msSince(read));
          const start = process.hrtime.bigint();
          const made = await plan.makePlan(file, connections, { concurrency });
          const ms = msSince(start);
          checkPlan(plan.planJson(made), tokens);
          return ms;
        },
      },
      {
        name: 'cli',
        run: async () => {
          const run = await timeCliPlan(mock, path, concurrency);
          checkPlan(run.plan, tokens);
          return run.ms;
        },
      },
    ];
    for (const c of contenders) await c.run(); // warm-up: compile cache, connections
    samples.read.length = 0;
    for (let round = 0; round < rounds; round++) {
      for (const c of rotate(contenders, round)) samples[c.name].push(await c.run());
    }
  } finally {
    await mock.stop();
  }
  const idealMs = (requests / concurrency) * latencyMs;
  const library = summarize(samples.library);
  const cli = summarize(samples.cli);
  const read = summarize(samples.read);
  log(
    `  plan ${library.median.toFixed(0)} ms in process, ${cli.median.toFixed(0)} ms as tokenkit plan (ideal ${idealMs.toFixed(0)} ms)`,
  );
  return {
    rounds,
    setup: { applications, tokensEach, latencyMs, concurrency, requests },
    idealMs,
    library,
    cli,
    read,
    fileBytes,
    vsIdeal: library.median / idealMs,
    cliVsIdeal: cli.median / idealMs,
  };
}

const x = (r) => `${r.toFixed(2)}×`;
const ms = (value) => `${value.toFixed(0)} ms`;

/** @param {any} p the benchmark's result @returns {import('./goals.mjs').GoalResult[]} */
export function planGoals(p) {
  if (!p || p.unavailable) return [];
  return [
    {
      benchmark: `Plan, ${p.setup.applications} applications × ${p.setup.tokensEach} tokens, ${p.setup.latencyMs} ms latency`,
      goal: `≤ ${PLAN_GOALS.vsIdeal}× ideal (requests ÷ concurrency × latency)`,
      measured: x(p.vsIdeal),
      met: p.vsIdeal <= PLAN_GOALS.vsIdeal,
    },
  ];
}

/** The report's section. @param {any} p */
export function planSection(p) {
  if (p.unavailable) return `## 6. Declarative plan\n\n**not available** — ${p.unavailable}\n`;
  const { setup } = p;
  return `## 6. Declarative plan

\`makePlan\` of \`@tokenkit/plan\` with \`concurrency: ${setup.concurrency}\`, and the \`tokenkit plan --json\` process (spawn to exit), against the mock server's bin in its own process, seeded with ${setup.applications} applications × ${setup.tokensEach} tokens, every request delayed ${setup.latencyMs} ms. The tokens file is written by \`importTokens\` from the same mock, so all ${setup.applications * setup.tokensEach} tokens are declared and the plan finds no changes. ${setup.requests} requests: each application's tokens, one page each. ${p.rounds} rounds, alternating, after a warm-up.

| Contender | Median | p25–p75 | min–max |
| --- | --- | --- | --- |
| makePlan, in process | ${ms(p.library.median)} | ${ms(p.library.p25)}–${ms(p.library.p75)} | ${ms(p.library.min)}–${ms(p.library.max)} |
| tokenkit plan, a process | ${ms(p.cli.median)} | ${ms(p.cli.p25)}–${ms(p.cli.p75)} | ${ms(p.cli.min)}–${ms(p.cli.max)} |
| ideal: ${setup.requests} ÷ ${setup.concurrency} × ${setup.latencyMs} ms | ${ms(p.idealMs)} | | |

The plan takes ${x(p.vsIdeal)} the ideal in process, and the whole \`tokenkit plan\` process ${x(p.cliVsIdeal)} (its start-up and reading the file included). Reading and checking the ${(p.fileBytes / 1e6).toFixed(1)} MB tokens file (YAML, ${p.setup.applications * p.setup.tokensEach} entries) takes ${ms(p.read.median)} on its own (${ms(p.read.min)}–${ms(p.read.max)}).
`;
}
