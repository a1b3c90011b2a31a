// What the release scripts share: the publishable packages, the ranges they declare, and a way to
// run a command that stops the script with the command's own output when it fails.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(import.meta.dirname, '..');

/** Every non-private package under packages/: what `changeset publish` would publish. */
export function publishablePackages() {
  return readdirSync(join(ROOT, 'packages'))
    .map((name) => join('packages', name))
    .map((dir) => ({ dir, manifest: readJson(join(ROOT, dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The workspace's default catalog (`catalog:` in pnpm-workspace.yaml), name → range. */
export function catalog() {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const block = yaml.match(/^catalog:\n((?:[ \t]+.*\n?)*)/m)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/^\s+['"]?([^'":\s]+)['"]?:\s*['"]?([^'"\s]+)['"]?/gm)].map((m) => [
      m[1],
      m[2],
    ]),
  );
}

/**
 * The registry dependencies and peers a user installs with the publishable packages, with the
 * range each declares as it will be published (`catalog:` resolved). Fails when two packages
 * declare different ranges for one dependency, since then no single lowest version exists.
 */
export function runtimeRanges() {
  const fromCatalog = catalog();
  const ranges = new Map();
  for (const { dir, manifest } of publishablePackages()) {
    const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const [name, spec] of Object.entries(declared)) {
      if (spec.startsWith('workspace:')) continue;
      const range = spec === 'catalog:' ? fromCatalog[name] : spec;
      if (!range) throw new Error(`${dir}: ${name} is "catalog:" but the catalog lacks it`);
      const seen = ranges.get(name);
      if (seen && seen.range !== range) {
        throw new Error(`${name}: ${seen.dir} declares ${seen.range}, ${dir} declares ${range}`);
      }
      ranges.set(name, { range, dir });
    }
  }
  return new Map([...ranges].map(([name, { range }]) => [name, range]));
}

/** The lowest version a range admits; only the simple forms the manifests use. */
export function lowestVersion(range) {
  const match = range.trim().match(/^(?:\^|~|>=)?\s*v?(\d+\.\d+\.\d+(?:-[\w.]+)?)$/);
  if (!match) throw new Error(`cannot find the lowest version of range "${range}"`);
  return match[1];
}

/** Runs a command; on failure prints its output and throws, naming the command. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`failed (${result.status ?? result.signal}): ${command} ${args.join(' ')}`);
  }
  return result.stdout;
}

/**
 * Runs a command without blocking this process, for commands that talk to a server this process
 * serves; on failure prints its output and throws, naming the command.
 */
export async function runAsync(command, args, options = {}) {
  try {
    const { stdout } = await promisify(execFile)(command, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      ...options,
    });
    return stdout;
  } catch (error) {
    process.stdout.write(error.stdout ?? '');
    process.stderr.write(error.stderr ?? '');
    throw new Error(`failed (${error.code ?? error.signal}): ${command} ${args.join(' ')}`);
  }
}
