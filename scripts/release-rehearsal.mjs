// A release without the publish: packs every publishable package as `changeset publish` would
// (pnpm, which also packs the root LICENSE), checks each tarball, then installs the Losant and
// the Instana package from their tarballs into empty npm projects outside the workspace,
// type-checks a user's script there with TypeScript and runs it against the workspace's mock.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  if (!files.some((file) => /^dist\/.*\.d\.ts$/.test(file))) problems.push('no types in dist/');
  // Before the first `changeset version` there is no entry yet; after it, the version needs one.
  const changelog = run('tar', ['xzfO', tarball, 'package/CHANGELOG.md']);
  if (manifest.version !== '0.0.0' && !changelog.includes(`## ${manifest.version}\n`)) {
    problems.push(`CHANGELOG.md has no "## ${manifest.version}" entry`);
  }
  if (problems.length > 0) throw new Error(`${name} tarball:\n  ${problems.join('\n  ')}`);
  console.log(`${name}: ${files.length} files, ${REQUIRED.join(', ')}, dist with types`);
}

/** Every file the manifest's exports, types and bin name. */
function manifestTargets(manifest) {
  const targets = [manifest.types, ...Object.values(manifest.bin ?? {})];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value) for (const inner of Object.values(value)) walk(inner);
  };
  walk(manifest.exports);
  return targets.filter(Boolean).map((target) => target.replace(/^\.\//, ''));
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
 * names the SDK packages it runs on, each at its package.json version.
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
