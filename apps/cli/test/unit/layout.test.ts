import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI's source is one folder per capability over shared folders; imports only point down.
// Each file belongs to its folder (a file directly in src/ is a folder of its own); a folder
// that imports one which imports it back, directly or around a loop, has an import running up.

const src = resolve(import.meta.dirname, '../../src');

const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(src, file));

const specifier =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

/** The files of src/ that `file` imports, statically, as types or lazily. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(specifier)].map((match) =>
    resolve(dirname(file), match[1] ?? match[2] ?? '').replace(/\.js$/, '.ts'),
  );
}

function folderOf(file: string): string {
  const path = relative(src, file);
  return dirname(path) === '.' ? path.replace(/\.ts$/, '') : dirname(path);
}

const fileEdges = new Map(files.map((file) => [file, importsOf(file)]));

function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of fileEdges) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Every node from which `start` can be reached again: the loops through it. */
function loopsThrough<T>(start: T, next: (node: T) => Iterable<T>): T[][] {
  const loops: T[][] = [];
  const walk = (node: T, path: T[], seen: Set<T>) => {
    for (const target of next(node)) {
      if (target === start) loops.push([...path, target]);
      else if (!seen.has(target)) {
        seen.add(target);
        walk(target, [...path, target], seen);
      }
    }
  };
  walk(start, [start], new Set([start]));
  return loops;
}

describe('apps/cli/src layout', () => {
  it('reads the imports (the check has something to check)', () => {
    const edges = folderEdges();
    expect(edges.get('program')).toContain('tokens/losant');
    expect(edges.get('tokens/losant')).toContain('vendors/losant');
    expect(edges.get('vendors/losant')).toContain('cli');
    // `import type` and a lazy `import()` count as much as a static import.
    expect(fileEdges.get(join(src, 'tokens/losant/commands.ts'))).toContain(
      join(src, 'tokens/losant/actions.ts'),
    );
  });

  it('has no import cycle between files', () => {
    const cycles = files.flatMap((file) =>
      loopsThrough(file, (node) => fileEdges.get(node) ?? []).map((loop) =>
        loop.map((node) => relative(src, node)).join(' → '),
      ),
    );
    expect(cycles).toEqual([]);
  });

  it('has no import that runs back up: no two folders import each other, even around a loop', () => {
    const edges = folderEdges();
    const loops = [...edges.keys()].flatMap((folder) =>
      loopsThrough(folder, (node) => edges.get(node) ?? []).map((loop) => loop.join(' → ')),
    );
    expect(loops).toEqual([]);
  });

  it('keeps the shared folders free of capabilities', () => {
    const capabilities = ['tokens', 'rotate', 'audit', 'auth', 'plan', 'demo', 'completion'];
    const shared = ['cli', 'vendors', 'output', 'config', 'http'];
    const upward = [...fileEdges].flatMap(([file, targets]) =>
      shared.includes(relative(src, file).split('/')[0] ?? '')
        ? targets
            .filter((target) => capabilities.includes(relative(src, target).split('/')[0] ?? ''))
            .map((target) => `${relative(src, file)} → ${relative(src, target)}`)
        : [],
    );
    expect(upward).toEqual([]);
  });
});
