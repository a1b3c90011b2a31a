// Import cycles among a source folder's own modules. Every relative import counts: value, type-only
// (`import type`), re-export and dynamic `import()`, since each ties one module's meaning to the
// other's. TypeScript's own pre-processor reads the specifiers, so comments and strings never
// count. `node scripts/import-cycles.mjs [folder …]` checks the folders given (default: every
// package's and app's src/), prints each cycle, and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The source folders checked: every package's and app's `src/`. */
export function sourceFolders() {
  return ['packages', 'apps']
    .flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(group, name, 'src')))
    .filter((folder) => existsSync(join(ROOT, folder)));
}

/** The module a relative specifier names (`./x.js` is written for `./x.ts`), if it exists. */
function resolveModule(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((file) => file.endsWith('.ts') && existsSync(file));
}

/** Each `.ts` module of `folder` (absolute) and the modules of the same folder it imports. */
function importGraph(folder) {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveModule(file, specifier))
      .filter((target) => target?.startsWith(folder));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components of more than one module (or a module importing itself). */
function tangles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One cycle through the component's first module, as a path that returns to it. */
function cycleThrough(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * The import cycles of one source folder (relative to the repository root), each as the
 * modules it runs through, e.g. `['client.ts', 'token-store.ts', 'client.ts']`.
 * @param {string} folder e.g. `packages/losant/src` (from the repository root), or an absolute path
 * @returns {string[][]}
 */
export function importCycles(folder) {
  const absolute = resolve(ROOT, folder);
  const graph = importGraph(absolute);
  return tangles(graph).map((component) =>
    cycleThrough(graph, component).map((file) => relative(absolute, file)),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  const folders = process.argv.length > 2 ? process.argv.slice(2) : sourceFolders();
  for (const folder of folders) {
    for (const cycle of importCycles(folder)) {
      failed = true;
      console.log(`${folder}: ${cycle.join(' → ')}`);
    }
  }
  if (!failed) console.log('No import cycles.');
  process.exitCode = failed ? 1 : 0;
}
