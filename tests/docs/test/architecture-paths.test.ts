import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './markdown.ts';

const PACKAGE_DIRS = ['packages', 'apps', 'tests'].flatMap((group) =>
  readdirSync(join(ROOT, group)).map((name) => `${group}/${name}`),
);

/**
 * The backticked names in ARCHITECTURE.md that look like a file or folder of the repository:
 * a path with a file extension (`core/src/redact.ts`, `http-client.ts`), or a folder
 * (`src/commands/`). Module specifiers (`zod/mini`, `@tokenkit/core/errors`) are neither.
 */
function namedPaths(markdown: string): string[] {
  const names = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] ?? '');
  const looksLikePath = (name: string) =>
    /^[\w.-]+(\/[\w.-]+)*\/?$/.test(name) &&
    (/\.(ts|mjs|json|md|yaml)$/.test(name) || name.endsWith('/'));
  return [...new Set(names.filter(looksLikePath))];
}

/** Every file of the repository's package sources with this name (`http-client.ts`). */
function filesNamed(name: string): string[] {
  return PACKAGE_DIRS.flatMap((dir) => {
    const src = join(ROOT, dir, 'src');
    if (!existsSync(src)) return [];
    return readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file === name || file.endsWith(`/${name}`),
    );
  });
}

/**
 * A named path exists when it is a path from the root, from `packages/` or `apps/` (the page
 * writes `core/src/…`), inside one package (`src/faults.ts`), or, for a bare file name, a
 * file of some package's sources.
 */
function exists(name: string): boolean {
  const candidates = [
    name,
    `packages/${name}`,
    `apps/${name}`,
    ...PACKAGE_DIRS.map((dir) => `${dir}/${name}`),
  ];
  if (candidates.some((candidate) => existsSync(join(ROOT, candidate)))) return true;
  return !name.includes('/') && filesNamed(name).length > 0;
}

describe('ARCHITECTURE.md', () => {
  const paths = namedPaths(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8'));

  it('names files and folders (the check has something to check)', () => {
    expect(paths).toContain('core/src/retry-policy.ts');
    expect(paths.length).toBeGreaterThan(30);
  });

  it.each(paths)('%s exists', (path) => {
    expect(exists(path), `ARCHITECTURE.md names \`${path}\`, which is not in the repository`).toBe(
      true,
    );
  });

  it('fails for a path that does not exist', () => {
    expect(namedPaths('see `instana/src/api-tokens.ts` and `zod/mini`')).toEqual([
      'instana/src/api-tokens.ts',
    ]);
    expect(exists('instana/src/api-tokens.ts')).toBe(false);
  });
});
