// What an editor shows on hover: the TSDoc `@default` of each client option, read with the
// TypeScript compiler the way an editor reads it (core's options come from its published types).
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** Each property of `LosantClientOptions` with its JSDoc tags, as name → text. */
function optionTags(): Record<string, Record<string, string>> {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  const module = checker.getSymbolAtLocation(source);
  const exported = checker.getExportsOfModule(module as ts.Symbol);
  const options = exported.find((symbol) => symbol.name === 'LosantClientOptions');
  if (options === undefined) throw new Error('LosantClientOptions is not exported');
  const type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(options));
  return Object.fromEntries(
    type
      .getProperties()
      .map((property) => [
        property.name,
        Object.fromEntries(
          property
            .getJsDocTags(checker)
            .map((tag) => [tag.name, ts.displayPartsToString(tag.text).trim()]),
        ),
      ]),
  );
}

describe('client options TSDoc', () => {
  const tags = optionTags();

  it('shows the default of each option that has one, as @default', () => {
    expect(tags.url).toEqual({ default: "'https://api.losant.com'" });
    expect(tags.acceptVersion).toEqual({ default: "'^1.30.0'" });
    expect(tags.timeout).toEqual({ default: '30000' });
    expect(tags.totalTimeout).toEqual({ default: '120000' });
    expect(tags.maxRetries).toEqual({ default: '2' });
    expect(tags.maxRetryAfter).toEqual({ default: '60000' });
    expect(tags.backoff).toEqual({ default: '{ initialDelay: 500, maxDelay: 8000 }' });
    expect(tags.headers).toEqual({ default: '{}' });
  });

  it('uses one tag name for defaults', () => {
    const names = Object.values(tags).flatMap((byName) => Object.keys(byName));
    expect(names.filter((name) => name !== 'default')).toEqual([]);
  });
});
