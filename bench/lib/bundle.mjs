/**
 * Benchmark 3: browser bundles (esbuild, platform browser, minified, gzip level 9) of a small
 * app per client that creates the client and calls one action. Node builtins are not
 * polyfilled: a graph that needs one fails to build, and that failure is the finding.
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { VERSION as ROLLDOWN_VERSION, rolldown } from 'rolldown';
import { retryWhileRebuilding } from './contenders.mjs';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The apps bundled, one per client. */
export const BUNDLE_APPS = [
  {
    name: '@tokenkit/losant',
    requires: '@tokenkit/losant',
    source: `import { createLosantClient } from '@tokenkit/losant';
const client = createLosantClient({ accessToken: 'token' });
client.instanceApiToken
  .get({ instanceId: '5f0c6a1e2b3c4d5e6f708192', apiTokenId: '5f0c6a1e2b3c4d5e6f7081a3' })
  .then((token) => console.log(token.name));`,
  },
  {
    name: '@tokenkit/instana',
    requires: '@tokenkit/instana',
    source: `import { createInstanaClient } from '@tokenkit/instana';
const client = createInstanaClient({ apiToken: 'token', baseUrl: 'https://unit-tenant.instana.io' });
client.apiTokens.getApiTokens().then((tokens) => console.log(tokens.length));`,
  },
  {
    name: 'losant-rest 2.8.1 (official)',
    requires: 'losant-rest',
    source: `import losant from 'losant-rest';
const client = losant.createClient({ accessToken: 'token' });
client.instanceApiToken
  .get({ instanceId: '5f0c6a1e2b3c4d5e6f708192', apiTokenId: '5f0c6a1e2b3c4d5e6f7081a3' })
  .then((token) => console.log(token.name));`,
  },
];

/**
 * The pieces our bundles are made of, bundled alone the same way, to show what each costs
 * (and that the way zod is imported decides its size). Resolved from the package that uses it.
 */
export const BUNDLE_PIECES = [
  {
    name: "zod, `import { z } from 'zod'` (one schema)",
    resolveDir: 'packages/schemas',
    source: `import { z } from 'zod'; console.log(z.looseObject({ name: z.string() }).parse({ name: 'x' }));`,
  },
  {
    name: "zod, `import * as z from 'zod'` (one schema)",
    resolveDir: 'packages/schemas',
    source: `import * as z from 'zod'; console.log(z.looseObject({ name: z.string() }).parse({ name: 'x' }));`,
  },
  {
    name: "zod/mini, `import * as z from 'zod/mini'` (one schema)",
    resolveDir: 'packages/schemas',
    source: `import * as z from 'zod/mini'; console.log(z.looseObject({ name: z.string() }).parse({ name: 'x' }));`,
  },
  {
    name: 'ky alone (one GET)',
    resolveDir: 'packages/core',
    source: `import ky from 'ky'; ky.get('https://example.com/x').json().then(console.log);`,
  },
  {
    name: '@tokenkit/core alone (createHttpClient + one request, no schema)',
    resolveDir: 'packages/losant',
    source: `import { createHttpClient } from '@tokenkit/core';
createHttpClient({ baseUrl: 'https://example.com' }).request({ method: 'GET', path: '/x' }).then(console.log);`,
  },
];

/** Node-only globals a browser does not have (esbuild leaves them alone on platform browser). */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate'];

/**
 * Which Node-only globals the bundle reads: bundles again with each free reference replaced by
 * a marker (esbuild's `define` touches free identifiers only, not properties such as
 * `schema.process`) and looks for the markers.
 * @param {string} source
 * @returns {Promise<string[]>}
 */
async function nodeGlobalsUsed(source) {
  const define = Object.fromEntries(NODE_GLOBALS.map((g) => [g, `__node_global_${g}__`]));
  const result = await build(source, [], BENCH_DIR, define);
  const text = result.outputFiles[0].text;
  return NODE_GLOBALS.filter((g) => text.includes(`__node_global_${g}__`));
}

/**
 * @param {string} source @param {string[]} external @param {string} [resolveDir]
 * @param {Record<string, string>} [define] @param {'browser' | 'node'} [platform]
 */
function build(source, external = [], resolveDir = BENCH_DIR, define = {}, platform = 'browser') {
  return esbuild.build({
    define,
    stdin: { contents: source, resolveDir, sourcefile: 'app.mjs', loader: 'js' },
    bundle: true,
    platform,
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    write: false,
    external,
    logLevel: 'silent',
  });
}

/** A readable name for a bundled input path: package (and file) or workspace path. */
function inputLabel(path) {
  const pnpm = path.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pnpm) return `${pnpm[1]}/${pnpm[2]}`;
  const ws = path.match(/(?:^|\/)(packages|apps)\/(.*)$/);
  return ws ? `${ws[1]}/${ws[2]}` : path;
}

/** @param {esbuild.Metafile} metafile */
function analyse(metafile, text) {
  const output = Object.values(metafile.outputs)[0];
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ input: inputLabel(path), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  /** @type {Map<string, number>} */
  const byPackage = new Map();
  for (const { input, bytes } of inputs) {
    const m = input.match(/^((?:@[^/]+\/)?[^/]+)\//);
    const pkg = input.startsWith('packages/')
      ? `@tokenkit/${input.split('/')[1]}`
      : m
        ? m[1]
        : input;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytes);
  }
  /** @type {Record<string, number>} zod's bytes by folder (v4/core, v4/classic, v4/locales ...) */
  const zodParts = {};
  for (const { input, bytes } of inputs) {
    const part = input.match(/^zod\/(v4\/[^/]+|[^/]+)/)?.[1];
    if (part && bytes > 0) zodParts[part] = (zodParts[part] ?? 0) + bytes;
  }
  const nodeImports = Object.values(metafile.inputs)
    .flatMap((i) => i.imports)
    .filter((imp) => NODE_BUILTINS.has(imp.path) || imp.path.startsWith('node:'))
    .map((imp) => imp.path);
  return {
    minifiedBytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text, { level: 9 }).length,
    inputCount: inputs.length,
    topInputs: inputs.slice(0, 5),
    byPackage: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 10),
    zodParts,
    nodeImports: [...new Set(nodeImports)],
  };
}

/** The dependencies left out of a bundle, cumulatively in this order, to see what each adds. */
const LEFT_OUT = [
  { name: 'ky', external: ['ky'] },
  { name: 'zod', external: ['zod', 'zod/*'] },
  { name: '@tokenkit/schemas', external: ['@tokenkit/schemas', '@tokenkit/schemas/*'] },
];

/**
 * The gzip bytes each dependency adds to an app's bundle: left external one after another
 * (ky, then zod too, then `@tokenkit/schemas` too), each adds the difference it makes, so
 * zod's bytes count once, under zod, and the figures add up to the whole.
 * @param {string} source @param {number} gzipBytes the full bundle's
 */
async function gzipAddedBy(source, gzipBytes) {
  const added = [];
  const external = [];
  let before = gzipBytes;
  for (const dependency of LEFT_OUT) {
    external.push(...dependency.external);
    const result = await build(source, external);
    const after = gzipSync(result.outputFiles[0].text, { level: 9 }).length;
    added.push({ name: dependency.name, gzipBytes: before - after });
    before = after;
  }
  return added;
}

/**
 * Bundles one app. On failure, says why (the unresolved Node builtins), then bundles again
 * with those builtins left external to show the size without any polyfill (a lower bound).
 * @param {(typeof BUNDLE_APPS)[number]} app
 */
export async function bundleApp(app) {
  try {
    const result = await retryWhileRebuilding(() => build(app.source));
    const analysis = analyse(result.metafile, result.outputFiles[0].text);
    const ours = app.name.startsWith('@tokenkit/');
    return {
      name: app.name,
      ok: true,
      ...analysis,
      nodeGlobals: await nodeGlobalsUsed(app.source),
      gzipAddedBy: ours ? await gzipAddedBy(app.source, analysis.gzipBytes) : undefined,
      firstLoad: ours ? await firstLoad(app.source) : undefined,
    };
  } catch (error) {
    const errors = (error.errors ?? [{ text: String(error) }]).map((e) => ({
      text: e.text,
      importer: e.location?.file ? inputLabel(e.location.file) : undefined,
    }));
    const missing = [
      ...new Set(
        errors
          .map((e) => e.text.match(/Could not resolve "([^"]+)"/)?.[1])
          .filter((m) => m && NODE_BUILTINS.has(m)),
      ),
    ];
    let withExternals;
    if (missing.length > 0) {
      try {
        const result = await build(app.source, missing);
        withExternals = analyse(result.metafile, result.outputFiles[0].text);
      } catch (again) {
        withExternals = { error: String(again.message ?? again).split('\n')[0] };
      }
    }
    return { name: app.name, ok: false, errors, missingNodeBuiltins: missing, withExternals };
  }
}

/**
 * What a browser loads before the app's first call when its bundler splits code, as Vite 8's
 * production build does (rolldown: tree-shaking, one chunk per dynamic import): the entry chunk
 * and every chunk it imports statically, minified and gzipped as above. The chunks loaded later
 * (on a dynamic import, such as a rotation's engine) are counted apart.
 * @param {string} source
 */
export async function firstLoad(source) {
  // A virtual entry with a path in bench/, so that bare imports resolve from here.
  const entry = join(BENCH_DIR, 'first-load-app.mjs');
  const bundle = await rolldown({
    input: entry,
    platform: 'browser',
    logLevel: 'silent',
    plugins: [
      {
        name: 'first-load-app',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? source : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const gzip = (list) => list.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
  const first = [...chunks.values()].filter((c) => loaded.has(c.fileName));
  const later = [...chunks.values()].filter((c) => !loaded.has(c.fileName));
  return {
    bundler: `rolldown ${ROLLDOWN_VERSION}`,
    gzipBytes: gzip(first),
    minifiedBytes: first.reduce((n, c) => n + Buffer.byteLength(c.code), 0),
    later: later.map((c) => ({
      gzipBytes: gzip([c]),
      modules: Object.keys(c.modules)
        .filter((m) => c.modules[m].renderedLength > 0)
        .map(inputLabel),
    })),
  };
}

/** The apps bundled for a Node server (a Lambda, a container): ours against the official client. */
const SERVER_APPS = BUNDLE_APPS.filter((app) => app.name !== '@tokenkit/instana');

/**
 * A Node service's bundle of each app: esbuild for `platform: 'node'` (Node builtins stay
 * external, as on any Node bundle; everything else is bundled), minified, gzipped the same way.
 * @param {(pkg: string) => Promise<string | undefined>} available
 */
async function serverBundles(available) {
  const results = [];
  for (const app of SERVER_APPS) {
    const reason = await available(app.requires);
    if (reason) {
      results.push({ name: app.name, ok: false, unavailable: reason });
      continue;
    }
    try {
      const result = await retryWhileRebuilding(() => build(app.source, [], BENCH_DIR, {}, 'node'));
      const a = analyse(result.metafile, result.outputFiles[0].text);
      results.push({ name: app.name, ok: true, ...a });
    } catch (error) {
      results.push({ name: app.name, ok: false, error: error.errors?.[0]?.text ?? String(error) });
    }
  }
  return results;
}

/** @param {{ available: (pkg: string) => Promise<string | undefined> }} ctx */
export async function runBundle({ available }) {
  const results = [];
  for (const app of BUNDLE_APPS) {
    const reason = await available(app.requires);
    results.push(
      reason ? { name: app.name, ok: false, unavailable: reason } : await bundleApp(app),
    );
  }
  const pieces = [];
  for (const piece of BUNDLE_PIECES) {
    try {
      const result = await retryWhileRebuilding(() =>
        build(piece.source, [], join(ROOT, piece.resolveDir)),
      );
      const a = analyse(result.metafile, result.outputFiles[0].text);
      pieces.push({
        name: piece.name,
        minifiedBytes: a.minifiedBytes,
        gzipBytes: a.gzipBytes,
        zodParts: a.zodParts,
      });
    } catch (error) {
      pieces.push({ name: piece.name, error: error.errors?.[0]?.text ?? String(error) });
    }
  }
  return { gzipLevel: 9, results, pieces, server: await serverBundles(available) };
}
