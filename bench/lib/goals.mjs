/**
 * The goals of issues 8, 13 and 26, judged against the measured figures. A goal whose contender is not
 * available is `met: null` ("not measured"), never a pass.
 */

import { auditGoals } from './audit.mjs';
import { planGoals } from './plan.mjs';

export const GOALS = {
  requestVsRaw: 1.3,
  requestVsLosantRest: 1.0,
  /** iterate against the raw loop, by page size (issue 13: 1.2× at pages of 1000, 1.5× at 100) */
  paginationVsRaw: { 100: 1.5, 1000: 1.2 },
  /**
   * The peak live heap at the larger size may exceed the smaller size's by at most this: above
   * the 1–2 MiB that compiled code and runtime caches add over a longer walk (the raw loop shows
   * it too), an order of magnitude below what keeping the tokens would add (≥ 55 MiB).
   */
  heapFlatSlackBytes: 5 * 1024 * 1024,
  /** 20 kB, counted in 1,000-byte kilobytes (the stricter reading) */
  bundleGzipBytes: 20_000,
  /**
   * Issue 26 ("Keep"): what a browser app loads before its first call, its bundler splitting
   * code as Vite's production build does. Losant ≤ 35 kB; Instana not above its last figure
   * (30.2 kB, measured as one esbuild file before the lifecycle engine could load apart).
   */
  firstLoadGzipBytes: { '@tokenkit/losant': 35_000, '@tokenkit/instana': 30_200 },
  cliVsNode: 2.5,
};

/**
 * Issue 26: `@tokenkit/losant` bundled for a Node server no bigger than `losant-rest` bundled the
 * same way. @param {any[] | undefined} server
 */
function serverBundleGoals(server) {
  const ours = server?.find((r) => r.name === '@tokenkit/losant');
  const theirs = server?.find((r) => r.name.startsWith('losant-rest'));
  if (!ours || !theirs) return [];
  const both = ours.ok && theirs.ok;
  return [
    {
      benchmark: 'Server bundle (platform node), @tokenkit/losant',
      goal: 'gzip ≤ losant-rest bundled the same way',
      measured: both
        ? `${(ours.gzipBytes / 1000).toFixed(1)} kB vs ${(theirs.gzipBytes / 1000).toFixed(1)} kB`
        : 'not available',
      met: both ? ours.gzipBytes <= theirs.gzipBytes : null,
    },
  ];
}

/** Issue 26: each client's first load in a code-splitting bundle. @param {any[]} results */
function firstLoadGoals(results) {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  return Object.entries(GOALS.firstLoadGzipBytes).map(([name, limit]) => {
    const b = results.find((r) => r.name === name);
    const first = b?.ok ? b.firstLoad : undefined;
    const later = first?.later.reduce((n, c) => n + c.gzipBytes, 0) ?? 0;
    return {
      benchmark: `Browser bundle, first load, ${name}`,
      goal: `≤ ${kB(limit)} gzip before the first call, code split${first ? ` (${first.bundler}, as Vite 8 builds)` : ''}`,
      measured: first
        ? `${kB(first.gzipBytes)} (${kB(later)} more on the first rotation; as one esbuild file ${kB(b.gzipBytes)})`
        : b?.unavailable
          ? 'not available'
          : 'build failed',
      met: first ? first.gzipBytes <= limit : b?.unavailable ? null : false,
    };
  });
}

/** iterate's goal against the raw loop at a page size. @param {number} perPage */
export function paginationGoal(perPage) {
  return GOALS.paginationVsRaw[perPage] ?? GOALS.paginationVsRaw[1000];
}

/**
 * @typedef {object} GoalResult
 * @property {string} benchmark
 * @property {string} goal
 * @property {string} measured
 * @property {boolean | null} met
 */

const x = (r) => `${r.toFixed(2)}×`;

/**
 * @param {any} results the object written to results.json
 * @returns {GoalResult[]}
 */
export function judge(results) {
  /** @type {GoalResult[]} */
  const out = [];
  const failed = (benchmark) =>
    out.push({ benchmark, goal: 'all goals', measured: 'benchmark failed', met: false });
  const req = results.benchmarks.requestOverhead;
  if (req?.error) failed('Request overhead');
  else if (req) {
    for (const s of req.scenarios) {
      const ours = s.contenders.find((c) => c.name === '@tokenkit/losant');
      out.push({
        benchmark: `Request overhead, ${s.scenario}`,
        goal: `@tokenkit/losant ≤ ${GOALS.requestVsRaw}× raw fetch`,
        measured: ours ? x(ours.vsRawFetch.ratio) : 'not available',
        met: ours ? ours.vsRawFetch.ratio <= GOALS.requestVsRaw : null,
      });
      out.push({
        benchmark: `Request overhead, ${s.scenario}`,
        goal: `@tokenkit/losant ≤ ${GOALS.requestVsLosantRest}× losant-rest`,
        measured: ours ? x(ours.vsLosantRest.ratio) : 'not available',
        met: ours ? ours.vsLosantRest.ratio <= GOALS.requestVsLosantRest : null,
      });
    }
  }
  const pag = results.benchmarks.pagination;
  if (pag?.error) failed('Pagination');
  else if (pag) {
    for (const c of pag.cases) {
      const ours = c.contenders.find((k) => k.name === '@tokenkit/losant iterate');
      const goal = paginationGoal(c.perPage);
      out.push({
        benchmark: `Pagination, ${c.total.toLocaleString('en')} tokens, pages of ${c.perPage}`,
        goal: `iterate ≤ ${goal}× raw fetch loop`,
        measured: ours ? x(ours.vsRawFetch.ratio) : 'not available',
        met: ours ? ours.vsRawFetch.ratio <= goal : null,
      });
    }
    for (const flat of heapFlatness(pag)) out.push(flat);
  }
  const bundle = results.benchmarks.bundle;
  if (bundle?.error) failed('Browser bundle');
  else if (bundle) {
    for (const b of bundle.results.filter((r) => r.name.startsWith('@tokenkit/'))) {
      out.push({
        benchmark: `Browser bundle, ${b.name}`,
        goal: `≤ ${GOALS.bundleGzipBytes / 1000} kB gzip`,
        measured: b.ok
          ? `${(b.gzipBytes / 1000).toFixed(1)} kB`
          : b.unavailable
            ? 'not available'
            : 'build failed',
        met: b.ok ? b.gzipBytes <= GOALS.bundleGzipBytes : b.unavailable ? null : false,
      });
      out.push({
        benchmark: `Browser bundle, ${b.name}`,
        goal: 'no Node polyfill needed (builds for platform browser; no Node builtin or global)',
        measured: b.ok
          ? b.nodeImports.length === 0 && b.nodeGlobals.length === 0
            ? 'none needed (no Node builtin imported, no Node global read)'
            : `imports ${b.nodeImports.join(', ') || 'none'}; reads ${b.nodeGlobals.join(', ') || 'no Node global'}`
          : b.unavailable
            ? 'not available'
            : b.missingNodeBuiltins.length
              ? `needs ${b.missingNodeBuiltins.join(', ')}`
              : `build failed: ${b.errors[0]?.text ?? 'unknown error'}`,
        met: b.ok
          ? b.nodeImports.length === 0 && b.nodeGlobals.length === 0
          : b.unavailable
            ? null
            : false,
      });
    }
    out.push(...firstLoadGoals(bundle.results));
    out.push(...serverBundleGoals(bundle.server));
  }
  const cli = results.benchmarks.cliStart;
  if (cli?.error) failed('CLI start');
  else if (cli) {
    out.push({
      benchmark: 'CLI start',
      goal: `tokenkit --help ≤ ${GOALS.cliVsNode}× node -e 0`,
      measured: cli.ratio ? x(cli.ratio.ratio) : 'not available',
      met: cli.ratio ? cli.ratio.ratio <= GOALS.cliVsNode : null,
    });
  }
  if (results.benchmarks.audit?.error) failed('Organization audit');
  else out.push(...auditGoals(results.benchmarks.audit));
  if (results.benchmarks.plan?.error) failed('Declarative plan');
  else out.push(...planGoals(results.benchmarks.plan));
  return out;
}

/**
 * Heap use is "flat" in the number of tokens when, for a page size, the peak live heap while
 * walking the larger list is at most the smaller list's plus GOALS.heapFlatSlackBytes (both
 * measured the same way in fresh processes). The raw loop's own change is shown beside it.
 * @param {any} pag
 * @returns {GoalResult[]}
 */
export function heapFlatness(pag) {
  const totals = [...new Set(pag.cases.map((c) => c.total))].sort((a, b) => a - b);
  if (totals.length < 2) return [];
  const [small, large] = [totals[0], totals.at(-1)];
  const out = [];
  for (const perPage of [...new Set(pag.cases.map((c) => c.perPage))]) {
    const at = (total) =>
      pag.cases
        .find((c) => c.total === total && c.perPage === perPage)
        ?.contenders.find((k) => k.name === '@tokenkit/losant iterate');
    const a = at(small);
    const b = at(large);
    const rawAt = (total) =>
      pag.cases
        .find((c) => c.total === total && c.perPage === perPage)
        ?.contenders.find((k) => k.name.startsWith('raw'));
    const ra = rawAt(small);
    const rb = rawAt(large);
    const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
    out.push({
      benchmark: `Pagination heap, pages of ${perPage}`,
      goal: `flat: peak live heap at ${large.toLocaleString('en')} tokens ≤ that at ${small.toLocaleString('en')} + ${GOALS.heapFlatSlackBytes / 1024 / 1024} MiB`,
      measured:
        a && b
          ? `${mib(a.heapPeakBytes.median)} → ${mib(b.heapPeakBytes.median)}${ra && rb ? ` (raw loop ${mib(ra.heapPeakBytes.median)} → ${mib(rb.heapPeakBytes.median)})` : ''}`
          : 'not available',
      met:
        a && b ? b.heapPeakBytes.median <= a.heapPeakBytes.median + GOALS.heapFlatSlackBytes : null,
    });
  }
  return out;
}
