import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, two folders above this package. */
export const ROOT = join(import.meta.dirname, '../../..');

/** The longest a ```ts fragment may be: a snippet, not an untested program. */
export const FRAGMENT_MAX_LINES = 8;

/** One fenced code block of a README. */
export interface CodeBlock {
  /** The README, relative to the repository root (`packages/core/README.md`). */
  file: string;
  /** 1-based line of the first line of code (the one after the fence). */
  line: number;
  /** The fence's language (`ts`, `sh`, …). */
  lang: string;
  /** The words after the language (`fragment`, `runnable`). */
  flags: string[];
  code: string;
}

/**
 * Every README of the repository: the root's and each workspace folder's (`packages/*`,
 * `apps/*`, `tests/*`, `bench`), so a README added later is checked without a list to update.
 */
export function readmeFiles(): string[] {
  const files = ['README.md', 'bench/README.md'];
  for (const group of ['packages', 'apps', 'tests']) {
    for (const name of readdirSync(join(ROOT, group)).sort()) {
      files.push(`${group}/${name}/README.md`);
    }
  }
  return files.filter((file) => existsSync(join(ROOT, file)));
}

/** The fenced blocks of one markdown file, in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let open: { fence: string; lang: string; flags: string[]; line: number } | undefined;
  let body: string[] = [];
  lines.forEach((text, index) => {
    const fence = /^\s*(`{3,}|~{3,})\s*([^`]*)$/.exec(text);
    if (open === undefined && fence) {
      const [lang = '', ...flags] = (fence[2] ?? '').trim().split(/\s+/);
      open = { fence: fence[1] ?? '```', lang, flags, line: index + 2 };
      body = [];
    } else if (open !== undefined && text.trim() === open.fence) {
      blocks.push({
        file,
        line: open.line,
        lang: open.lang,
        flags: open.flags,
        code: body.join('\n'),
      });
      open = undefined;
    } else if (open !== undefined) {
      body.push(text);
    }
  });
  return blocks;
}

/** `packages/core/README.md` line 22 → `packages_core_README.md_22.ts`. */
export function blockFileName(block: CodeBlock): string {
  return `${block.file.replaceAll('/', '_')}_${block.line}.ts`;
}

/** Where a block is, for messages: `packages/core/README.md:22`. */
export function where(block: CodeBlock, lineInBlock = 0): string {
  return `${relative(ROOT, join(ROOT, block.file))}:${block.line + lineInBlock}`;
}
