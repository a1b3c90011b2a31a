// A release without the publish: packs every publishable package as `changeset publish` would
// (pnpm, which also packs the root LICENSE), checks each tarball, then installs the Losant and
// the Instana package from their tarballs into empty npm projects outside the workspace,
// type-checks a user's script there with TypeScript and runs it against the workspace's mock;
// then packs the CLI and installs it the same way, and runs `tokenkit` from there.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { publishablePackages, ROOT, readJson, run, runAsync } from './workspace.mjs';

const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const FORBIDDEN = /(^|\/)(src|test|tests|__tests__|fixtures?)\/|\.test(-d)?\.[cm]?[jt]s$|\.tgz$/;
const METADATA = ['license', 'repository', 'homepage', 'bugs', 'engines'];
const TSCONFIG = {
  compilerOptions: {
    module: 'nodenext',
    target: 'es2022',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
  },
  files: ['index.ts'],
};

const work = mkdtempSync(join(tmpdir(), 'tokenkit-rehearsal-'));
try {
  const tarballs = packAll(join(work, 'tarballs'));
  for (const [name, tarball] of tarballs) checkTarball(name, tarball);
  const { startMockServer } = await import(join(ROOT, 'packages/mock-server/dist/index.js'));
  const mock = await startMockServer();
  try {
    const { losant, instana } = mock;
    // The two projects install and run at once: most of the time is npm waiting on the network.
    await Promise.all([
      consume(work, tarballs, 'losant', {
        MOCK_URL: mock.url,
        LOSANT_ACCESS_TOKEN: losant.accessToken,
        LOSANT_APPLICATION_ID: losant.applicationId,
      }),
      consume(work, tarballs, 'instana', {
        MOCK_URL: mock.url,
        INSTANA_API_TOKEN: instana.apiToken,
      }),
      installCli(work, tarballs, mock),
    ]);
  } finally {
    await mock.close();
  }
  checkCliVersion();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** `pnpm pack` of every publishable package; package name → tarball path. */
function packAll(destination) {
  mkdirSync(destination);
  const tarballs = new Map();
  for (const { dir, manifest } of publishablePackages()) {
    const output = run('pnpm', ['pack', '--pack-destination', destination], {
      cwd: join(ROOT, dir),
    });
    tarballs.set(manifest.name, output.trim().split('\n').at(-1));
  }
  return tarballs;
}

/** The files a user needs are in, tests and sources are out, the manifest is publishable. */
function checkTarball(name, tarball) {
  const files = run('tar', ['tzf', tarball])
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''));
  const problems = REQUIRED.filter((file) => !files.includes(file)).map((f) => `missing ${f}`);
  problems.push(...files.filter((file) => FORBIDDEN.test(file)).map((f) => `ships ${f}`));
  const manifest = JSON.parse(run('tar', ['xzfO', tarball, 'package/package.json']));
  for (const target of manifestTargets(manifest)) {
    if (!files.includes(target)) problems.push(`package.json points to missing ${target}`);
  }
  problems.push(...METADATA.filter((field) => !manifest[field]).map((f) => `no "${f}"`));
  if (manifest.publishConfig?.access !== 'public' || manifest.publishConfig?.provenance !== true) {
    problems.push('publishConfig lacks access: public and provenance: true');
  }
  const ranges = JSON.stringify([manifest.dependencies, manifest.peerDependencies]);
  if (/workspace:|catalog:/.test(ranges)) problems.push(`unresolved range in ${ranges}`);
  // A library ships types; a command-line tool (a `bin` and no entry point) has none to ship.
  const library = manifest.exports?.['.'] !== undefined;
  if (library && !files.some((f) => /^dist\/.*\.d\.ts$/.test(f)))
    problems.push('no types in dist/');
  problems.push(...unreachableDeclarations(tarball, files, manifest));
  // Before the first `changeset version` there is no entry yet; after it, the version needs one.
  const changelog = run('tar', ['xzfO', tarball, 'package/CHANGELOG.md']);
  if (manifest.version !== '0.0.0' && !changelog.includes(`## ${manifest.version}\n`)) {
    problems.push(`CHANGELOG.md has no "## ${manifest.version}" entry`);
  }
  if (problems.length > 0) throw new Error(`${name} tarball:\n  ${problems.join('\n  ')}`);
  console.log(
    `${name}: ${files.length} files, ${REQUIRED.join(', ')}, dist${library ? ' with types' : ''}`,
  );
}

/**
 * The declaration files of the tarball that no `types` condition or `types` field reaches,
 * directly or through the relative imports of a reached one: shipped, yet never read.
 */
function unreachableDeclarations(tarball, files, manifest) {
  const declarations = files.filter((file) => file.endsWith('.d.ts'));
  // The package's own `imports` (`#object`) name declarations too.
  const named = [...manifestTargets(manifest), ...targetsOf(manifest.imports)];
  const pending = named.filter((target) => target.endsWith('.d.ts'));
  const reached = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (reached.has(file) || !declarations.includes(file)) continue;
    reached.add(file);
    const text = run('tar', ['xzfO', tarball, `package/${file}`]);
    // `from './x.js'`, and the bare `import './x.js'` a declaration bundler leaves for a module
    // whose exports it inlined: both reach the file.
    for (const [, specifier] of text.matchAll(/(?:from|import)\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      pending.push(join(dirname(file), specifier).replace(/\.js$/, '.d.ts'));
    }
  }
  return declarations
    .filter((file) => !reached.has(file))
    .map((file) => `ships ${file}, which no "types" reaches`);
}

/** Every file the manifest's exports, types and bin name. */
function manifestTargets(manifest) {
  const targets = [manifest.types, ...Object.values(manifest.bin ?? {})];
  return [...targets.filter(Boolean).map(packagePath), ...targetsOf(manifest.exports)];
}

/** Every path in a conditional `exports` or `imports` map. */
function targetsOf(map) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(packagePath(value));
    else if (value) for (const inner of Object.values(value)) walk(inner);
  };
  walk(map);
  return targets;
}

/** A manifest path as `tar` lists it: without `./`. */
function packagePath(target) {
  return target.replace(/^\.\//, '');
}

/**
 * An empty npm project that installs `@tokenkit/<vendor>` and its workspace dependencies from
 * their tarballs (the rest from the registry), type-checks `rehearsal/<vendor>.ts` under
 * `nodenext` and runs it with the mock's address and credentials in `env`; the script prints
 * what it did as JSON.
 */
async function consume(work, tarballs, vendor, env) {
  const project = join(work, vendor);
  mkdirSync(project);
  const workspace = readJson(join(ROOT, 'package.json')).devDependencies;
  const ours = ['core', 'schemas', vendor].map((name) => tarballs.get(`@tokenkit/${name}`));
  writeFileSync(join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  cpSync(join(ROOT, 'scripts/rehearsal', `${vendor}.ts`), join(project, 'index.ts'));
  const tools = [`typescript@${workspace.typescript}`, `@types/node@${workspace['@types/node']}`];
  const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...ours, ...tools];
  await runAsync('npm', install, { cwd: project });
  await runAsync(join(project, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: project });
  const output = JSON.parse(
    await runAsync(process.execPath, ['index.ts'], {
      cwd: project,
      env: { ...process.env, ...env },
    }),
  );
  if (output.created !== 'rehearsal' || !output.names.includes('rehearsal') || !output.gone) {
    throw new Error(`@tokenkit/${vendor} from its tarball: ${JSON.stringify(output)}`);
  }
  console.log(
    `@tokenkit/${vendor} from its tarball, type-checked and run: ${JSON.stringify(output)}`,
  );
}

/**
 * `tokenkit --version` starts with the version in apps/cli/package.json (inlined at build), then
 * names the SDK packages it runs on, each at its package.json version (read when asked).
 */
function checkCliVersion() {
  const expected = ['cli', 'plan', 'losant', 'instana', 'core', 'schemas'].map((name) => {
    const dir = name === 'cli' ? 'apps/cli' : `packages/${name}`;
    const { version } = readJson(join(ROOT, dir, 'package.json'));
    return name === 'cli' ? `tokenkit ${version}` : `@tokenkit/${name} ${version}`;
  });
  const printed = run(process.execPath, [join(ROOT, 'apps/cli/dist/bin.js'), '--version']);
  const lines = printed.split('\n').map((line) => line.trim());
  const missing = expected.filter((line) => !lines.includes(line));
  if (missing.length > 0 || lines[0] !== expected[0]) {
    throw new Error(
      `tokenkit --version printed ${printed.trim()}; expected ${expected.join(', ')}`,
    );
  }
  console.log(`tokenkit --version: ${expected.join(', ')}`);
}

/**
 * `@tokenkit/cli` as a user gets it: packed, checked like the libraries, installed with `npm i`
 * from its tarball (and the SDK packages' tarballs, the rest from the registry) into an empty
 * project outside the workspace; its `tokenkit` bin then prints the version in its
 * package.json and lists the mock's user tokens, one seeded for it among them.
 */
async function installCli(work, tarballs, mock) {
  const cliTarball = run('pnpm', ['pack', '--pack-destination', join(work, 'tarballs')], {
    cwd: join(ROOT, 'apps/cli'),
  })
    .trim()
    .split('\n')
    .at(-1);
  checkTarball('@tokenkit/cli', cliTarball);
  const project = join(work, 'cli');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  const install = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
  await runAsync('npm', [...install, cliTarball, ...tarballs.values()], { cwd: project });
  // The bin runs through its `#!/usr/bin/env node` line: put this script's Node first on PATH.
  const tokenkit = join(project, 'node_modules/.bin/tokenkit');
  const env = {
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
    HOME: project,
    LOSANT_ACCESS_TOKEN: mock.losant.accessToken,
    LOSANT_API_URL: mock.url,
  };
  const { version } = readJson(join(ROOT, 'apps/cli/package.json'));
  const printed = await runAsync(tokenkit, ['--version'], { cwd: project, env });
  if (printed.split('\n')[0]?.trim() !== `tokenkit ${version}`) {
    throw new Error(`tokenkit from its tarball: --version printed ${printed.trim()}`);
  }
  mock.store.losant.add('user', [{ name: 'cli-rehearsal' }]);
  const list = ['losant', 'tokens', 'list', '--user', '--json'];
  const listed = JSON.parse(await runAsync(tokenkit, list, { cwd: project, env }));
  if (!listed.tokens?.some((token) => token.name === 'cli-rehearsal')) {
    throw new Error(
      `tokenkit from its tarball: ${list.join(' ')} printed ${JSON.stringify(listed)}`,
    );
  }
  console.log(`@tokenkit/cli from its tarball: tokenkit ${version}, listed the mock's user tokens`);
}
