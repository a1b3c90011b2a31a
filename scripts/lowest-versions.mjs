// Proves the ranges the publishable packages declare: installs the lowest version each runtime
// dependency and peer admits (read from the manifests, so a new dependency is covered at once)
// into a copy of the workspace through pnpm overrides, and runs the packages' tests there. The
// copy takes the already-built dist/ folders, so only the installed dependencies differ.
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lowestVersion,
  publishablePackages,
  ROOT,
  readJson,
  run,
  runtimeRanges,
} from './workspace.mjs';

const lowest = new Map([...runtimeRanges()].map(([name, range]) => [name, lowestVersion(range)]));
console.log(`lowest versions: ${[...lowest].map(([name, v]) => `${name}@${v}`).join(', ')}`);

const copy = mkdtempSync(join(tmpdir(), 'tokenkit-lowest-'));
try {
  copyWorkspace(copy);
  const overrides = [...lowest].map(([name, version]) => `  ${name}: ${version}`).join('\n');
  appendFileSync(join(copy, 'pnpm-workspace.yaml'), `\noverrides:\n${overrides}\n`);
  run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=silent'], {
    cwd: copy,
  });
  for (const { dir, manifest } of publishablePackages()) {
    expectLowest(join(copy, dir), manifest);
    const vitest = ['run', '--reporter=dot', '--coverage.enabled=false'];
    const output = run(join(copy, 'node_modules/.bin/vitest'), vitest, {
      cwd: join(copy, dir),
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    console.log(`${manifest.name}: ${output.match(/Tests\s+(.*)$/m)?.[1] ?? 'passed'}`);
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}

/** The tracked files plus each publishable package's build. */
function copyWorkspace(target) {
  const tracked = run('git', ['ls-files', '-z'], { cwd: ROOT }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(target, file));
  }
  for (const { dir } of publishablePackages()) {
    cpSync(join(ROOT, dir, 'dist'), join(target, dir, 'dist'), { recursive: true });
  }
}

/** Fails unless the package resolves each of its registry dependencies at the lowest version. */
function expectLowest(packageDir, manifest) {
  const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
  for (const name of Object.keys(declared).filter((name) => lowest.has(name))) {
    const { version } = readJson(join(packageDir, 'node_modules', name, 'package.json'));
    if (version !== lowest.get(name)) {
      throw new Error(`${manifest.name} resolved ${name}@${version}, not ${lowest.get(name)}`);
    }
  }
}
