import ts from 'typescript';

/**
 * What a strict consumer on Node compiles with: `nodenext` resolution through the packages'
 * `exports` (so the built `dist/*.d.ts` are what is checked), the fetch types from `@types/node`
 * and no DOM lib, and every strictness flag this repository uses.
 */
const consumerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks the given files in one program (with `overrides` on the consumer options) and
 * returns each file's errors as `line: message` (line 0-based within the file), keyed by file
 * path; errors elsewhere (a package's declarations) are reported against every file.
 */
export function typecheck(
  files: readonly string[],
  overrides: ts.CompilerOptions = {},
): Map<string, string[]> {
  const program = ts.createProgram(files, { ...consumerOptions, ...overrides });
  const errors = new Map<string, string[]>(files.map((file) => [file, []]));
  const global = program.getOptionsDiagnostics().concat(program.getGlobalDiagnostics());
  for (const diagnostic of ts.getPreEmitDiagnostics(program).concat(global)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const file = diagnostic.file;
    const list = file === undefined ? undefined : errors.get(ts.sys.resolvePath(file.fileName));
    if (file === undefined || list === undefined) {
      // An error outside the blocks (options, a package's declarations) breaks every block.
      for (const each of errors.values()) each.push(`TS${diagnostic.code}: ${message}`);
      continue;
    }
    const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    list.push(`${line}: TS${diagnostic.code}: ${message}`);
  }
  return errors;
}
