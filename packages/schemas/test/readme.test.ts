// Runs every ```ts block of the README as written, so the documentation cannot drift from the
// code. A line `expression; // value` (or an expression line followed by a comment line that is
// only a value) asserts that the expression equals the value; `…` in a value means "and more",
// so the value is then matched as a subset. A block may use `response` (what fetch gave you):
// the test supplies one holding a valid token of the vendor the block imports.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
// Inside the package, so that bare imports (`zod`) resolve as they do for the tests.
const outDir = join(root, 'test', '.readme-blocks');

const SOURCES: Record<string, string> = {
  '@tokenkit/schemas/losant': join(root, 'src', 'losant.ts'),
  '@tokenkit/schemas/instana': join(root, 'src', 'instana.ts'),
  '@tokenkit/schemas': join(root, 'src', 'index.ts'),
  // What Node loads (the `node` export condition).
  '@tokenkit/schemas/validator': join(root, 'src', 'validator-node.ts'),
};

const STATEMENT = /^(?:import|export|const|let|var|type|interface|function|for|if|return|\}|\/\/)/;

/** The value a comment states, if it is one (`// 'x'`, `// [{ … }]`), else undefined. */
function statedValue(comment: string): { source: string; partial: boolean } | undefined {
  const partial = comment.includes('…');
  const source = comment.replaceAll(/,?\s*…/g, '').trim();
  try {
    new Function(`return (${source});`); // parses only
  } catch {
    return undefined;
  }
  return { source, partial };
}

function assertion(expression: string, comment: string): string | undefined {
  const value = statedValue(comment);
  if (!value) return undefined;
  const matcher = value.partial ? 'toMatchObject' : 'toEqual';
  return `expect(${expression}).${matcher}(${value.source});`;
}

/** The block with its examples' stated values turned into assertions. */
function toTest(block: string): string {
  const lines = block.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const inline = /^([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
    const next = /^\/\/\s*(.+)$/.exec(lines[i + 1] ?? '');
    const expression = inline?.[1] ?? (next ? /^(.+);$/.exec(line)?.[1] : undefined);
    const comment = inline?.[2] ?? next?.[1];
    const asserted =
      expression && comment && !STATEMENT.test(expression)
        ? assertion(expression, comment)
        : undefined;
    out.push(asserted ?? line);
    if (asserted && !inline) i++;
  }
  const source = out.join('\n');
  const imports = source.replaceAll(/from '(@tokenkit\/schemas[^']*)'/g, (_, specifier: string) => {
    const path = SOURCES[specifier];
    if (!path) throw new Error(`the README imports an unknown entry: ${specifier}`);
    return `from ${JSON.stringify(path)}`;
  });
  return `import { expect } from 'vitest';\n${imports}\nexport {};\n`;
}

const losantToken = { id: '5f0c6a1e2b3c4d5e6f7081a3', name: 'ci', status: 'active' };
const instanaToken = {
  accessGrantingToken: 'a',
  internalId: 'b',
  name: 'ci',
  canConfigureApiTokens: true,
};

function responseFor(block: string): Response {
  const body = block.includes('/instana') ? instanaToken : { items: [losantToken] };
  return new Response(JSON.stringify(body));
}

mkdirSync(outDir, { recursive: true });
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the README has examples, each an import away from running', () => {
  expect(blocks.length).toBeGreaterThan(10);
});

test.each(blocks.map((block, index) => [index + 1, block.split('\n')[0], block] as const))(
  'block %i (%s) runs and its stated values hold',
  async (index, _, block) => {
    const file = join(outDir, `block-${index}.ts`);
    writeFileSync(file, toTest(block));
    Object.assign(globalThis, { response: responseFor(block) });
    await import(file);
  },
);

test('the stated values are asserted, not skipped', () => {
  const asserted =
    blocks
      .map(toTest)
      .join('\n')
      .match(/^expect\(/gm) ?? [];
  expect(asserted.length).toBeGreaterThanOrEqual(20);
  expect(toTest("f(); // 'x'")).toContain("expect(f()).toEqual('x');");
  expect(toTest('g();\n// [{ a: 1, … }]')).toContain('expect(g()).toMatchObject([{ a: 1 }]);');
  expect(toTest('h(); // a remark, not a value')).toContain('h(); // a remark, not a value');
});
