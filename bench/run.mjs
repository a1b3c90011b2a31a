/**
 * `pnpm bench`: measures tokenkit against raw fetch and the official losant-rest client and
 * writes ../BENCHMARKS.md (tables) and results.json (raw figures).
 *
 *   node run.mjs [--quick] [--only=request,pagination,bundle,cli,audit,plan]
 *
 * --quick runs fewer, smaller rounds (to check the harness; the figures are noisier).
 * A quick or partial run writes to bench/.results/ instead, so it never replaces the report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runAuditBench } from './lib/audit.mjs';
import { runBundle } from './lib/bundle.mjs';
import { runCliStart } from './lib/cli-start.mjs';
import { loadTokenkitInstana, loadTokenkitLosant } from './lib/contenders.mjs';
import { judge } from './lib/goals.mjs';
import { runPagination } from './lib/pagination.mjs';
import { runPlanBench } from './lib/plan.mjs';
import { renderReport } from './lib/report.mjs';
import { runRequestOverhead } from './lib/request-overhead.mjs';
import { startServerHost } from './lib/servers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name) => !only || only.includes(name);

// A full GC between timed batches, so one contender's garbage is not collected on another's clock.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const log = (line) => process.stdout.write(`${line}\n`);
const started = Date.now();

function versionOf(dir) {
  try {
    return JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'))
      .version;
  } catch {
    return 'missing';
  }
}

/**
 * Lays the report's tables out as the repo's formatter (Biome) would, so `biome check .` stays
 * clean; skipped when Biome is not installed.
 * @param {string} file
 */
function formatMarkdown(file) {
  const biome = new URL('../node_modules/.bin/biome', import.meta.url);
  if (!existsSync(biome)) return;
  try {
    execFileSync(fileURLToPath(biome), ['format', '--write', file], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    log('  (could not format the report with Biome; left as written)');
  }
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  os: `${os.type()} ${os.release()} ${process.arch}`,
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  totalMemBytes: os.totalmem(),
  loadAvgStart: os.loadavg()[0],
  commit: commit(),
  versions: {
    '@tokenkit/losant': versionOf('packages/losant'),
    '@tokenkit/instana': versionOf('packages/instana'),
    '@tokenkit/cli': versionOf('apps/cli'),
    'losant-rest': versionOf('bench/node_modules/losant-rest'),
  },
  quick,
};
log(
  `tokenkit bench — Node ${meta.node}, ${meta.cpus} CPU, load ${meta.loadAvgStart.toFixed(2)}${quick ? ' (quick)' : ''}`,
);

const benchmarks = {};

/**
 * Runs one benchmark; if it throws, records the error and goes on, so one broken contender
 * does not lose the other figures. The report shows the failure.
 * @param {string} key @param {string} title @param {() => Promise<unknown>} fn
 */
async function section(key, title, fn) {
  log(title);
  try {
    benchmarks[key] = await fn();
  } catch (error) {
    const message = String(error?.stderr || error?.message || error)
      .trim()
      .split('\n')
      .slice(-6)
      .join(' ');
    log(`  FAILED: ${message}`);
    benchmarks[key] = { error: message };
    process.exitCode = 1;
  }
}

const host = await startServerHost();
try {
  if (wanted('request')) {
    await section('requestOverhead', '1. Request overhead', () =>
      runRequestOverhead({ host, rounds: quick ? 3 : 10, scale: quick ? 0.2 : 1, gc, log }),
    );
  }
  if (wanted('pagination')) {
    await section('pagination', '2. Pagination', () =>
      runPagination({
        host,
        totals: [10_000, 100_000],
        perPages: [100, 1_000],
        rounds: quick ? { 10000: 2, 100000: 1 } : { 10000: 5, 100000: 3 },
        layerRequests: quick ? { rounds: 3, requests: 5 } : { rounds: 6, requests: 25 },
        gc,
        log,
      }),
    );
  }
} finally {
  await host.close();
}

/** @param {string} pkg @returns {Promise<string | undefined>} why it cannot be bundled */
async function unavailableReason(pkg) {
  const loader = {
    '@tokenkit/losant': loadTokenkitLosant,
    '@tokenkit/instana': loadTokenkitInstana,
  }[pkg];
  if (!loader) return undefined;
  const loaded = await loader();
  return loaded.available ? undefined : loaded.reason;
}

if (wanted('bundle')) {
  await section('bundle', '3. Browser bundle', async () => {
    const result = await runBundle({ available: unavailableReason });
    for (const r of result.results) {
      log(
        `  ${r.name}: ${r.ok ? `${r.gzipBytes} B gzip` : r.unavailable ? 'not available' : 'build failed'}`,
      );
    }
    return result;
  });
}
if (wanted('cli')) {
  await section('cliStart', '4. CLI start', () => runCliStart({ runs: quick ? 10 : 30, log }));
}
if (wanted('audit')) {
  await section('audit', '5. Organization audit', () =>
    runAuditBench({ rounds: quick ? 1 : 5, log }),
  );
}
if (wanted('plan')) {
  await section('plan', '6. Declarative plan', () => runPlanBench({ rounds: quick ? 1 : 5, log }));
}

meta.loadAvgEnd = os.loadavg()[0];
meta.durationMs = Date.now() - started;
const results = { meta, benchmarks };
results.goals = judge(results);
// A partial or quick run must not overwrite the committed report: it goes to bench/.results/.
const partial = quick || only !== undefined;
const jsonFile = partial
  ? new URL('./.results/results.json', import.meta.url)
  : new URL('./results.json', import.meta.url);
const reportFile = partial
  ? new URL('./.results/BENCHMARKS.md', import.meta.url)
  : new URL('../BENCHMARKS.md', import.meta.url);
mkdirSync(new URL('./.results/', import.meta.url), { recursive: true });
writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(reportFile, renderReport(results));
formatMarkdown(fileURLToPath(reportFile));
for (const g of results.goals) {
  log(
    `${g.met === null ? 'n/a   ' : g.met ? 'met   ' : 'MISSED'}  ${g.benchmark}: ${g.goal} — ${g.measured}`,
  );
}
const shown = (url) => fileURLToPath(url).slice(ROOT.length);
log(
  `Wrote ${shown(reportFile)} and ${shown(jsonFile)} in ${(meta.durationMs / 1000).toFixed(0)} s`,
);
