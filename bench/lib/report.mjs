/**
 * Writes BENCHMARKS.md from the results object (the same one saved as bench/results.json).
 */
import { readFileSync } from 'node:fs';
import { auditSection } from './audit.mjs';
import { GOALS, judge, paginationGoal } from './goals.mjs';
import { planSection } from './plan.mjs';

const us = (n) => `${n.toFixed(1)} µs`;
const ms = (n) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
/** A duration given in ms, shown in µs when under 1 ms. */
const dur = (n) => (n < 1 ? us(n * 1000) : ms(n));
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const signedMib = (n) => `${n >= 0 ? '+' : '−'}${mib(Math.abs(n))}`;
const pct = (n) => `${Math.round(n * 100)}%`;
const spread = (s, f) => `${f(s.p25)}–${f(s.p75)}`;
const range = (s, f) => `${f(s.min)}–${f(s.max)}`;
const met = (m) => (m === null ? 'not measured' : m ? '**met**' : '**missed**');

/** A ratio with the spread of its per-round ratios. */
function ratio(r) {
  if (!r) return '–';
  const rounds = r.perRound
    ? ` (rounds ${r.perRound.min.toFixed(2)}–${r.perRound.max.toFixed(2)})`
    : '';
  return `${r.ratio.toFixed(2)}×${rounds}`;
}

const OURS = '@tokenkit/losant';
const RAW = 'raw fetch + JSON.parse';

/** The `n` functions with the most self time, with their shares. */
function hottest(b, n) {
  return b.byFunction
    .slice(0, n)
    .map((f) => `\`${f.key}\` ${pct(f.share)}`)
    .join(', ');
}

/** @param {string[]} head @param {string[][]} rows */
function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** @param {{ byPackage: any[], byFunction: any[] }} b @param {number} n */
function topPackages(b, n = 5) {
  return b.byPackage
    .slice(0, n)
    .map((r) => `${r.key} ${pct(r.share)}`)
    .join(', ');
}

function machine(meta) {
  return [
    `- Date: ${meta.date}`,
    `- Node ${meta.node}, ${meta.os}, ${meta.cpus} CPU (${meta.cpuModel}), ${(meta.totalMemBytes / 1024 ** 3).toFixed(1)} GiB RAM`,
    `- Load average (1 min) at start ${meta.loadAvgStart.toFixed(2)}, at end ${meta.loadAvgEnd.toFixed(2)} — other work on the machine shows here; the interleaved rounds and ratios of medians are what stays meaningful under it.`,
    `- Commit ${meta.commit}; measured: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Total run time ${(meta.durationMs / 1000).toFixed(0)} s`,
  ].join('\n');
}

function unavailableLines(list) {
  return list?.length
    ? `\n${list.map((u) => `- **${u.name}: not available** — ${u.reason}`).join('\n')}\n`
    : '';
}

/** The cost-by-layer table (request-layers.mjs). */
function layerTable(l) {
  return `
Cost by layer (${l.what}): the same GET through each layer our client is built from, sequential, ${l.requests.toLocaleString('en')} requests × ${l.rounds} interleaved rounds; medians, ratios to the first row.${l.transport ? ` Transport in use by @tokenkit/core here: ${l.transport}.` : ''}

${table(
  ['Layer', 'Wall/req', 'p25–p75', 'vs raw', 'CPU/req', 'CPU vs raw'],
  l.layers.map((x) => [
    x.name,
    us(x.wallUs.median),
    spread(x.wallUs, us),
    ratio(x.wallVsRaw),
    us(x.cpuUs.median),
    `${x.cpuVsRaw.ratio.toFixed(2)}×`,
  ]),
)}
`;
}

/** One sentence from the page-size layer table: where a big page's CPU goes, layer by layer. */
function pageSplit(l) {
  if (!l?.layers) return '';
  return `On one ${l.what.replace('GET one ', '')} (CPU vs raw fetch): ${l.layers
    .slice(1)
    .map((x) => `${x.name} ${x.cpuVsRaw.ratio.toFixed(2)}×`)
    .join('; ')}.`;
}

/** `ky 8.2 kB, zod 9.6 kB, …, the rest 10.0 kB`: a bundle's gzip bytes by dependency. */
function addedBy(r) {
  const rest = r.gzipAddedBy.reduce((left, d) => left - d.gzipBytes, r.gzipBytes);
  return `${r.gzipAddedBy.map((d) => `${d.name} ${kb(d.gzipBytes)}`).join(', ')}, the rest (@tokenkit/core and the vendor package) ${kb(rest)}`;
}

/** The validation-alone line (validation-cost.mjs). */
function validationLine(v) {
  const what =
    v.tokens === 1 ? 'the canned token' : `a page of ${v.tokens.toLocaleString('en')} tokens`;
  return `
Validation alone, without the network (${what}, 15 interleaved samples): \`JSON.parse\` ${dur(v.parseMs.median)} (p25–p75 ${spread(v.parseMs, dur)}); \`JSON.parse\` + the \`${v.schema}\` schema's own parser ${dur(v.parseAndSchemaMs.median)} (${spread(v.parseAndSchemaMs, dur)}): **${us(v.schemaUsPerToken)} per token**; \`JSON.parse\` + \`responseValidator(${v.schema})\` (zod's compiled clone, what the clients check answers with on Node) ${dur(v.parseAndValidatorMs.median)} (${spread(v.parseAndValidatorMs, dur)}): **${us(v.validatorUsPerToken)} per token**.
`;
}

function requestSection(r) {
  const rows = [];
  for (const s of r.scenarios) {
    for (const c of s.contenders) {
      const ours = c.name === '@tokenkit/losant';
      rows.push([
        `${s.scenario}: ${s.totalRequests.toLocaleString('en')} req (${s.rounds} × ${s.requests.toLocaleString('en')})`,
        c.name,
        us(c.usPerRequest.median),
        spread(c.usPerRequest, us),
        range(c.usPerRequest, us),
        Math.round(c.requestsPerSecond.median).toLocaleString('en'),
        c.name.startsWith('raw') ? '1.00×' : ratio(c.vsRawFetch),
        c.name.startsWith('losant-rest') ? '1.00×' : ratio(c.vsLosantRest),
        `${us(c.cpuUsPerRequest.median)} (${c.cpuVsRawFetch.ratio.toFixed(2)}×)`,
        ours ? `≤ ${GOALS.requestVsRaw}× raw; ≤ ${GOALS.requestVsLosantRest}× losant-rest` : '',
        ours
          ? `${met(c.vsRawFetch.ratio <= GOALS.requestVsRaw)} / ${met(c.vsLosantRest.ratio <= GOALS.requestVsLosantRest)}`
          : '',
      ]);
    }
    for (const u of s.unavailable)
      rows.push([s.scenario, u.name, 'not available', '', '', '', '', '', '', '', 'not measured']);
  }
  const conns = r.scenarios
    .map(
      (s) =>
        `${s.scenario}: ${s.contenders.map((c) => `${c.name} ${c.connectionsPerRound.max}`).join(', ')}`,
    )
    .join('; ');
  let text = `## 1. Request overhead — \`instanceApiToken.get\`

One GET of one token (a canned ${r.bodyBytes}-byte apiToken JSON body) from a fixed-response \`node:http\` server on 127.0.0.1, run in its own process so that serving does not share the client's event loop. Each contender makes the issue's number of requests, split into interleaved rounds (rounds × requests per round); a figure is the wall time per request of one round's batch (batch wall time ÷ requests). Each round runs every contender once, in rotating order, after a warm-up. The goals are judged on wall time. *CPU/req* is the client process's CPU time (user + system, \`process.cpuUsage\`) per request, median over the rounds, with its ratio to raw fetch: it is less disturbed by other load on the machine and shows the client's own cost.

${table(['Scenario', 'Contender', 'Median', 'p25–p75', 'min–max', 'req/s', 'vs raw fetch', 'vs losant-rest', 'CPU/req (vs raw)', 'Goal', 'Met'], rows)}

How each contender is set up:
${r.scenarios[0].contenders.map((c) => `- ${c.name}: ${c.note}.`).join('\n')}
- Keep-alive: the server keeps connections alive (60 s). Raw fetch uses undici's global dispatcher and its pool (keep-alive, no per-host connection cap); our client sends through \`node:http\` and its global agent (keep-alive, uncapped, idle sockets closed after 5 s; @tokenkit/core's \`node\` entry). losant-rest's axios gets an \`http.Agent({ keepAlive: true })\` of its own (also uncapped, with no idle timeout). New connections the server saw per timed round (max) — ${conns}.
- Our client runs with its defaults, as users get it: retries and timeouts armed, input checked, the response validated by its schema.
`;
  text += unavailableLines(r.unavailable);
  if (r.profiles) {
    const names = Object.keys(r.profiles).filter((k) => k !== 'requests');
    text += `
Where the CPU time goes: each contender alone in a child process under \`node --cpu-prof\`, ${r.profiles.requests.toLocaleString('en')} sequential requests after a warm-up; CPU per request from \`process.cpuUsage\` (the profiler itself adds to it), shares of sampled self time (idle excluded).

${table(
  ['Contender', 'CPU/req under the profiler', 'Self time by package'],
  names.map((n) => [n, us(r.profiles[n].cpuUsPerRequest), topPackages(r.profiles[n], 6)]),
)}
${OURS in r.profiles ? `\nHottest functions under ${OURS}: ${hottest(r.profiles[OURS], 6)}\n` : ''}`;
  }
  if (r.layers?.layers) text += layerTable(r.layers);
  if (r.validation) text += validationLine(r.validation);
  else if (r.layers?.unavailable)
    text += `\nCost by layer: not available — ${r.layers.unavailable}\n`;
  return text;
}

function paginationSection(p) {
  const rows = [];
  for (const c of p.cases) {
    for (const k of c.contenders) {
      const ours = !k.name.startsWith('raw');
      rows.push([
        c.total.toLocaleString('en'),
        String(c.perPage),
        k.name,
        ms(k.ms.median),
        spread(k.ms, ms),
        range(k.ms, ms),
        ours ? ratio(k.vsRawFetch) : '1.00×',
        `${ms(k.cpuMs.median)} (${k.cpuVsRawFetch.ratio.toFixed(2)}×)`,
        `${mib(k.heapPeakBytes.median)} (${signedMib(k.heapPeakBytes.median - k.heapBaselineBytes.median)})`,
        ours ? `≤ ${paginationGoal(c.perPage)}×` : '',
        ours ? met(k.vsRawFetch.ratio <= paginationGoal(c.perPage)) : '',
      ]);
    }
  }
  let text = `## 2. Pagination — \`instanceApiTokens.iterate\`

Every token of a synthetic instance, against a hand-written loop (fetch page, \`JSON.parse\`, walk \`items\`, stop at \`totalCount\`). The server is a fixed page generator in its own process that serves **pre-serialised, cached pages** (${p.tokenBytes}-byte tokens), not the mock server, so the client's cost is what is measured. Each measurement runs in a fresh child process (\`node --expose-gc\`): warm-up over the first 5,000 tokens and a baseline (\`heapUsed\` after a full GC), one timed walk, then a second full walk that forces a full GC at ten checkpoints and records the largest live heap (\`heapUsed\` after GC; what the timed walk left behind counts too). The table shows that peak and its difference from the baseline, medians. Contenders alternate within each round. Time is the timed walk's wall time; *CPU* is the child's CPU time during it (\`process.cpuUsage\`), median, with its ratio to the raw loop.

${table(['Tokens', 'Page size', 'Contender', 'Median', 'p25–p75', 'min–max', 'vs raw fetch', 'CPU (vs raw)', 'Peak live heap (vs baseline)', 'Goal', 'Met'], rows)}
`;
  text += unavailableLines(p.unavailable);
  const flat = p.flatness;
  if (flat.length) {
    text += `
Heap use against the number of tokens (@tokenkit/losant iterate, raw loop for reference). A walk that kept every token would need at least ${mib(90_000 * p.tokenBytes)} more at 100,000 than at 10,000 (90,000 more tokens of ${p.tokenBytes} bytes of JSON each); a longer walk also adds a MiB or two of compiled code and runtime caches, which the raw loop shows too. The slack in the goal sits between the two.

${table(
  ['Case', 'Goal', 'Measured (10,000 → 100,000)', 'Met'],
  flat.map((f) => [f.benchmark, f.goal, f.measured, met(f.met)]),
)}
`;
  }
  const largest = Math.max(...p.cases.map((c) => c.total));
  const series = p.cases
    .filter((c) => c.total === largest)
    .flatMap((c) =>
      c.contenders
        .filter((k) => k.heapSeriesBytes?.length)
        .map(
          (k) =>
            `- ${k.name}, pages of ${c.perPage}: ${k.heapSeriesBytes.map((b) => (b / 1024 / 1024).toFixed(1)).join(' → ')} MiB`,
        ),
    );
  if (series.length) {
    text += `\nLive heap at each tenth of the ${largest.toLocaleString('en')}-token walk (after a full GC; first round). A walk that kept its tokens would climb by at least ${mib((largest / 10) * p.tokenBytes)} per tenth:\n\n${series.join('\n')}\n`;
  }
  if (p.profiles) {
    const { total, perPage } = p.profiles;
    text += `
Where the CPU time goes in the timed walk over ${total.toLocaleString('en')} tokens in pages of ${perPage} (child process under \`node --cpu-prof\`, self time, idle excluded):

${table(
  ['Contender', 'CPU for the walk', 'Self time by package'],
  [
    ['raw fetch loop', ms(p.profiles.raw.cpuMs), topPackages(p.profiles.raw, 6)],
    ['@tokenkit/losant iterate', ms(p.profiles.ours.cpuMs), topPackages(p.profiles.ours, 6)],
  ],
)}

Hottest functions under iterate: ${hottest(p.profiles.ours, 6)}
`;
  }
  if (p.layers?.layers) text += layerTable(p.layers);
  if (p.validation) text += validationLine(p.validation);
  return text;
}

/** Issue 26: what each client's app loads first when its bundler splits code. @param {any[]} results */
function firstLoadText(results) {
  const split = results.filter((r) => r.ok && r.firstLoad);
  if (split.length === 0) return '';
  const rows = split.map((r) => {
    const limit = GOALS.firstLoadGzipBytes[r.name];
    const later = r.firstLoad.later;
    return [
      r.name,
      kb(r.firstLoad.minifiedBytes),
      kb(r.firstLoad.gzipBytes),
      later.length
        ? later
            .map((c) => `${kb(c.gzipBytes)}: ${c.modules.map((m) => `\`${m}\``).join(', ')}`)
            .join('; ')
        : 'none',
      limit ? `≤ ${kb(limit)} gzip: ${met(r.firstLoad.gzipBytes <= limit)}` : '',
    ];
  });
  return `\n\n**First load with code splitting.** The same apps built as Vite 8 builds them for production (${split[0].firstLoad.bundler}: \`platform: 'browser'\`, \`minify\`, a chunk per dynamic import), gzip level 9: what the page loads before the first call (the entry chunk and every chunk it imports), and the chunks it loads later (the lifecycle engine, imported by the first \`rotate\`). esbuild without \`splitting\` (the table above) inlines a dynamic import, so its one file holds everything. Goal (issue 26): Losant ≤ 35 kB, Instana not above its last figure (30.2 kB).\n\n${table(
    ['App', 'First load, minified', 'First load, gzip', 'Loaded later (gzip: modules)', 'Goal'],
    rows,
  )}`;
}

/** The server-bundle comparison (issue 26): the same apps bundled for Node. @param {any[]} server */
function serverBundleText(server, gzipLevel) {
  const losantRest = server.find((r) => r.name.startsWith('losant-rest') && r.ok);
  const rows = server.map((r) =>
    r.ok
      ? [
          r.name,
          kb(r.minifiedBytes),
          kb(r.gzipBytes),
          String(r.inputCount),
          r.byPackage
            .slice(0, 4)
            .map((p) => `${p.name} ${kb(p.bytes)}`)
            .join(', '),
          r.name === '@tokenkit/losant' && losantRest
            ? `${(r.gzipBytes / losantRest.gzipBytes).toFixed(2)}× of losant-rest: ${met(r.gzipBytes <= losantRest.gzipBytes)}`
            : '',
        ]
      : [r.name, r.unavailable ? 'not available' : `failed: ${r.error}`, '', '', '', ''],
  );
  return `\n\n**Server bundle.** The Losant app above bundled for a Node service (an AWS Lambda, a container): esbuild \`platform: 'node'\`, \`format: 'esm'\`, \`minify\` (Node builtins stay external, everything else is bundled), gzip level ${gzipLevel}. Goal: \`@tokenkit/losant\` no bigger than \`losant-rest\` bundled the same way.\n\n${table(
    [
      'App',
      'Minified',
      'Gzip',
      'Inputs',
      'Largest packages (minified)',
      'Goal: ≤ losant-rest gzip',
    ],
    rows,
  )}`;
}

function bundleSection(b) {
  const rows = b.results.map((r) => {
    const ours = r.name.startsWith('@tokenkit/');
    if (r.unavailable) return [r.name, 'not available', '', '', '', '', ''];
    if (!r.ok) {
      const lb = r.withExternals && !r.withExternals.error ? r.withExternals : undefined;
      return [
        r.name,
        `**fails**: needs Node builtins ${r.missingNodeBuiltins.map((m) => `\`${m}\``).join(', ')}`,
        lb ? `${kb(lb.minifiedBytes)}*` : '–',
        lb ? `${kb(lb.gzipBytes)}*` : '–',
        lb ? String(lb.inputCount) : '–',
        ours ? `≤ ${GOALS.bundleGzipBytes / 1000} kB gzip, no polyfill` : '',
        ours ? met(false) : '',
      ];
    }
    return [
      r.name,
      r.nodeImports.length || r.nodeGlobals.length
        ? `yes, but uses ${[...r.nodeImports, ...r.nodeGlobals].join(', ')}`
        : 'yes; no Node builtin imported, no Node global read',
      kb(r.minifiedBytes),
      kb(r.gzipBytes),
      String(r.inputCount),
      ours ? `≤ ${GOALS.bundleGzipBytes / 1000} kB gzip, no polyfill` : '',
      ours
        ? met(
            r.gzipBytes <= GOALS.bundleGzipBytes &&
              r.nodeImports.length === 0 &&
              r.nodeGlobals.length === 0,
          )
        : '',
    ];
  });
  let text = `## 3. Browser bundle

A small app per client that creates the client and calls one action, bundled by esbuild (\`platform: 'browser'\`, \`format: 'esm'\`, \`minify\`, es2022, no polyfills, nothing external) and gzipped with \`node:zlib\` level ${b.gzipLevel}. "No Node polyfill needed" means: the build succeeds for the browser with no Node builtin (\`node:*\`, \`http\`, …) in the module graph, and a second build with esbuild \`define\` markers finds no free reference to a Node-only global (\`process\`, \`Buffer\`, \`global\`, \`__dirname\`, \`__filename\`, \`setImmediate\`). 1 kB = 1,000 bytes. Sizes are deterministic (one build each; no spread to report).

${table(['App', 'Builds for the browser', 'Minified', 'Gzip', 'Inputs', 'Goal', 'Met'], rows)}
`;
  const failed = b.results.filter((r) => !r.ok && !r.unavailable);
  if (failed.length) {
    text += `\n\\* Size with the missing builtins left external (so without the polyfills a browser bundle would need): a lower bound.\n`;
    for (const r of failed) {
      text += `\n${r.name} does not bundle for the browser: ${[...new Set(r.errors.map((e) => `${e.text}${e.importer ? ` (from ${e.importer})` : ''}`))].join('; ')}.\n`;
    }
  }
  text += '\nLargest inputs (bytes in the minified output, from the esbuild metafile):\n';
  for (const r of b.results) {
    const a = r.ok ? r : r.withExternals && !r.withExternals.error ? r.withExternals : undefined;
    if (!a) continue;
    text += `\n- ${r.name} — top 5 files: ${a.topInputs.map((i) => `\`${i.input}\` ${kb(i.bytes)}`).join(', ')}; by package: ${a.byPackage
      .slice(0, 5)
      .map((p) => `${p.name} ${kb(p.bytes)}`)
      .join(', ')}`;
  }
  const shared = b.results.filter((r) => r.ok && r.gzipAddedBy);
  if (shared.length) {
    text += `\n\nWhat each dependency adds to the gzip size (left external one after another, ky, then zod, then \`@tokenkit/schemas\`: each figure is the gzip bytes the bundle loses when that one goes too, so the figures add up to the whole): ${shared
      .map((r) => `${r.name}: ${addedBy(r)}`)
      .join('; ')}.`;
  }
  const zodded = b.results.filter((r) => r.ok && Object.keys(r.zodParts).length);
  if (zodded.length) {
    text += `\n\nzod's share by folder: ${zodded
      .map(
        (r) =>
          `${r.name}: ${Object.entries(r.zodParts)
            .sort((x, y) => y[1] - x[1])
            .map(([k, v]) => `\`zod/${k}\` ${kb(v)}`)
            .join(', ')}`,
      )
      .join('; ')}.`;
  }
  text += firstLoadText(b.results);
  if (b.server?.length) text += serverBundleText(b.server, b.gzipLevel);
  if (b.pieces?.length) {
    text += `\n\nWhat the pieces cost, each bundled alone the same way:\n\n${table(
      ['Piece', 'Minified', 'Gzip'],
      b.pieces.map((p) =>
        p.error ? [p.name, 'failed', p.error] : [p.name, kb(p.minifiedBytes), kb(p.gzipBytes)],
      ),
    )}`;
  }
  return `${text}\n`;
}

function cliSection(c) {
  if (c.unavailable) return `## 4. CLI start\n\n**not available** — ${c.unavailable}\n`;
  const rows = c.contenders.map((k) => {
    const ours = k.name.startsWith('tokenkit');
    return [
      `\`${k.command}\``,
      ms(k.ms.median),
      spread(k.ms, ms),
      range(k.ms, ms),
      ours ? ratio(c.ratio) : '1.00×',
      ours ? `≤ ${GOALS.cliVsNode}×` : '',
      ours ? met(c.ratio.ratio <= GOALS.cliVsNode) : '',
    ];
  });
  return `## 4. CLI start

Wall time from spawn to exit, ${c.runs} runs of each, alternating, after 3 warm-up runs each.

${table(['Command', 'Median', 'p25–p75', 'min–max', 'Ratio', 'Goal', 'Met'], rows)}

One profiled \`tokenkit --help\` start (self time, idle excluded): ${topPackages(c.profile, 6)}; ${c.profile.scripts} non-builtin script files appear in the profile.
`;
}

/**
 * The cause of each missed goal, from the measurements (profiles, top inputs).
 * @param {any} results
 * @param {import('./goals.mjs').GoalResult[]} goals
 */
function causes(results, goals) {
  const missed = goals.filter((g) => g.met === false);
  if (missed.length === 0) return '';
  const b = results.benchmarks;
  /** One cause per family of goals, so a shared cause is stated once. */
  const family = (g) =>
    g.benchmark.startsWith('Request')
      ? 'Request overhead'
      : g.benchmark.startsWith('Pagination heap')
        ? 'Pagination heap'
        : g.benchmark.startsWith('Pagination')
          ? 'Pagination time'
          : g.benchmark.startsWith('Browser bundle')
            ? g.benchmark
            : g.benchmark;
  const groups = new Map();
  for (const g of missed) groups.set(family(g), [...(groups.get(family(g)) ?? []), g]);

  const lines = [...groups].map(([name, list]) => {
    let cause = '';
    if (name === 'Request overhead' && b.requestOverhead?.scenarios) {
      const r = b.requestOverhead;
      const seq = r.scenarios[0].contenders;
      const cpu = (k) => seq.find((c) => c.name === k)?.cpuUsPerRequest.median;
      const parts = [];
      if (cpu(OURS) !== undefined) {
        parts.push(
          `in the sequential rounds our client uses ${us(cpu(OURS))} of CPU per request against ${us(cpu(RAW))} for raw fetch (${(cpu(OURS) / cpu(RAW)).toFixed(2)}×), so the gap is CPU work in the client, not waiting.`,
        );
      }
      const bar = r.scenarios
        .map((sc) => {
          const lr = sc.contenders.find((c) => c.name.startsWith('losant-rest'));
          return lr ? `${sc.scenario} ${lr.vsRawFetch.ratio.toFixed(2)}×` : '';
        })
        .filter(Boolean);
      if (bar.length) {
        parts.push(
          `losant-rest itself runs at ${bar.join(', ')} raw fetch here, so "faster than losant-rest" asks our client to stay under that multiple of raw fetch while running on fetch.`,
        );
      }
      if (r.layers?.layers) {
        parts.push(
          `By layer (CPU per request vs raw fetch): ${r.layers.layers
            .map((l) => `${l.name} ${l.cpuVsRaw.ratio.toFixed(2)}×`)
            .join(
              '; ',
            )}.${r.validation ? ` Validation alone costs ${us(r.validation.validatorUsPerToken)} per token (the schema's own parser ${us(r.validation.schemaUsPerToken)}).` : ''}`,
        );
      }
      if (r.profiles?.[OURS]) {
        parts.push(
          `Profiled, our client's self time goes to ${topPackages(r.profiles[OURS], 6)}; hottest functions: ${hottest(r.profiles[OURS], 4)}.`,
        );
      }
      cause = parts.join(' ');
    } else if (name === 'Pagination time' && b.pagination?.profiles) {
      const p = b.pagination.profiles;
      const v = b.pagination.validation;
      const largest = Math.max(...b.pagination.cases.map((c) => c.total));
      const gaps = b.pagination.cases
        .filter((c) => c.total === largest)
        .map((c) => {
          const raw = c.contenders.find((k) => k.name.startsWith('raw'));
          const it = c.contenders.find((k) => !k.name.startsWith('raw'));
          if (!raw || !it) return '';
          const gap = it.cpuMs.median - raw.cpuMs.median;
          const schema = v ? (v.validatorUsPerToken * c.total) / 1000 : undefined;
          return `pages of ${c.perPage}: iterate uses ${ms(gap)} more CPU than the raw loop${schema === undefined ? '' : `; validation alone, at ${us(v.validatorUsPerToken)} per token measured without the network, comes to about ${ms(schema)}`}`;
        })
        .filter(Boolean);
      const schemaNote = gaps.length
        ? ` Over ${largest.toLocaleString('en')} tokens (timed rounds, CPU medians) — ${gaps.join('; ')}. ${pageSplit(b.pagination.layers)} Pages of 100 add the per-request overhead of section 1 ten times as often.`
        : '';
      cause = `the walk over ${p.total.toLocaleString('en')} tokens in pages of ${p.perPage} costs ${ms(p.ours.cpuMs)} of CPU with iterate against ${ms(p.raw.cpuMs)} for the raw loop (under the profiler); iterate's self time goes to ${topPackages(p.ours, 6)}; hottest functions: ${hottest(p.ours, 4)}.${schemaNote}`;
    } else if (name === 'Pagination heap') {
      cause = 'see the heap table in section 2 (peak live heap at each size, beside the raw loop).';
    } else if (name.startsWith('Browser bundle')) {
      const r = b.bundle.results.find((x) => name.endsWith(x.name));
      const locales = r?.zodParts?.['v4/locales'];
      const piece = (prefix) => b.bundle.pieces?.find((p) => p.name.startsWith(prefix) && !p.error);
      const named = piece('zod, `import { z }');
      const star = piece('zod, `import * as z');
      const mini = piece('zod/mini');
      const core = piece('@tokenkit/core alone');
      const zodNote =
        locales && named && star && mini
          ? ` Of zod, \`zod/v4/locales\` (every language's error messages) alone is ${kb(locales)} minified. Bundled alone, one zod schema costs ${kb(named.gzipBytes)} gzip through \`import { z } from 'zod'\`, ${kb(star.gzipBytes)} through \`import * as z from 'zod'\` and ${kb(mini.gzipBytes)} through \`zod/mini\`: the named \`z\` import keeps all of zod, locales included.`
          : '';
      const coreNote = core
        ? ` @tokenkit/core alone (with ky, no schema) is ${kb(core.gzipBytes)} gzip.`
        : '';
      cause = r?.ok
        ? `the bundle is ${r.byPackage
            .slice(0, 5)
            .map((p) => `${p.name} ${kb(p.bytes)}`)
            .join(', ')} (minified); largest files: ${r.topInputs
            .slice(0, 3)
            .map((i) => `\`${i.input}\` ${kb(i.bytes)}`)
            .join(
              ', ',
            )}.${r.gzipAddedBy ? ` In gzip bytes: ${addedBy(r)}.` : ''}${zodNote}${coreNote}`
        : `the build fails: ${r?.errors?.map((e) => e.text).join('; ')}.`;
    } else if (name.startsWith('CLI') && b.cliStart?.profile) {
      cause = `the start-up CPU time goes to ${topPackages(b.cliStart.profile, 6)}; at least ${b.cliStart.profile.scripts} non-builtin script files run at start-up.`;
    }
    const what = list.map((g) => `${g.goal} (${g.benchmark}: ${g.measured})`).join('; ');
    return `- **${name}** — missed: ${what}.\n  Cause: ${cause || 'see the section above.'}`;
  });
  return `## Causes of the missed goals\n\n${lines.join('\n')}\n`;
}

/**
 * @param {any} results
 * @returns {string} the whole BENCHMARKS.md
 */
export function renderReport(results) {
  const goals = judge(results);
  const b = results.benchmarks;
  const sections = [
    `# Benchmarks

Generated by \`pnpm bench\` (bench/run.mjs); the raw figures are in [bench/results.json](bench/results.json). Do not edit by hand.

Every figure is the **median** of interleaved rounds with its spread (p25–p75 and min–max); every comparison is a **ratio of medians** measured side by side in the same run, with the range of the per-round ratios in parentheses. Contenders alternate within each round (rotating order), after a warm-up.

${machine(results.meta)}

## Goals

${table(
  ['Benchmark', 'Goal', 'Measured', 'Met'],
  goals.map((g) => [g.benchmark, g.goal, g.measured, met(g.met)]),
)}
`,
  ];
  const failed = (title, r) => `## ${title}\n\n**The benchmark failed:** ${r.error}\n`;
  if (b.requestOverhead?.error) sections.push(failed('1. Request overhead', b.requestOverhead));
  else if (b.requestOverhead) sections.push(requestSection(b.requestOverhead));
  if (b.pagination?.error) sections.push(failed('2. Pagination', b.pagination));
  else if (b.pagination)
    sections.push(
      paginationSection({
        ...b.pagination,
        flatness: goals.filter((g) => g.benchmark.startsWith('Pagination heap')),
      }),
    );
  if (b.bundle?.error) sections.push(failed('3. Browser bundle', b.bundle));
  else if (b.bundle) sections.push(bundleSection(b.bundle));
  if (b.cliStart?.error) sections.push(failed('4. CLI start', b.cliStart));
  else if (b.cliStart) sections.push(cliSection(b.cliStart));
  if (b.audit?.error) sections.push(failed('5. Organization audit', b.audit));
  else if (b.audit) sections.push(auditSection(b.audit));
  if (b.plan?.error) sections.push(failed('6. Declarative plan', b.plan));
  else if (b.plan) sections.push(planSection(b.plan));
  const c = causes(results, goals);
  if (c) sections.push(c);
  sections.push(readFileSync(new URL('../APPROACHES.md', import.meta.url), 'utf8'));
  sections.push(`## How to reproduce

\`\`\`sh
npx -y pnpm@10.34.9 install
npx -y pnpm@10.34.9 bench     # builds every package, then runs bench/run.mjs; rewrites this file and bench/results.json
\`\`\`

\`npx -y pnpm@10.34.9 --filter @tokenkit/bench bench --only=request,pagination,bundle,cli\` runs a subset and \`--quick\` a smaller, noisier pass; both write to \`bench/.results/\` and leave this file alone. The numbers move with the machine and its load: compare the ratios, not the absolute times.
`);
  return sections.join('\n');
}
