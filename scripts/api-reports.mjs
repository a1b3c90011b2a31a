// The public API of every publishable package, as API Extractor reports checked in under each
// package's review/ folder (the layout the Azure SDK for JS uses). API Extractor reads one entry
// point per run and has no support for `exports` subpaths, so, as the Azure SDKs do, each entry of
// a package's `exports` map gets its own report: review/<package>.api.md for ".", and
// review/<package>-<subpath>.api.md for the others (core's "./errors", schemas' "./losant").
// The entries are read from package.json, so a new subpath gets a report without configuration.
//
// `node scripts/api-reports.mjs` fails when the built declarations differ from a report;
// `--update` (`pnpm api:update`) rewrites the reports instead. Both need a build first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { publishablePackages, ROOT } from './workspace.mjs';

// Everything a package exports is public, so release tags (@public, @beta) are not required. A
// type the API uses but does not export is noted in the report, next to its use, for review.
// Other findings stay out: they cite dist/ line numbers that move with every comment.
const MESSAGES = {
  extractorMessageReporting: {
    default: { logLevel: 'none', addToApiReportFile: false },
    'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
  },
  tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
  compilerMessageReporting: { default: { logLevel: 'error' } },
};
const update = process.argv.includes('--update');
const temp = mkdtempSync(join(tmpdir(), 'tokenkit-api-'));
const changed = [];
try {
  for (const { dir, manifest } of publishablePackages()) {
    for (const [subpath, types] of typedEntries(manifest)) {
      const report = reportName(manifest.name, subpath);
      mkdirSync(join(ROOT, dir, 'review'), { recursive: true });
      const result = Extractor.invoke(prepare(join(ROOT, dir), types, report), {
        localBuild: update,
        messageCallback: (message) => {
          if (message.messageId === 'console-compiler-version-notice') message.handled = true;
        },
      });
      if (result.errorCount > 0)
        throw new Error(`${manifest.name} ${subpath}: API Extractor failed`);
      const file = join(dir, 'review', `${report}.api.md`);
      console.log(`${manifest.name}${subpath.slice(1)}: ${file}`);
      if (!result.apiReportChanged) continue;
      // In a check, API Extractor leaves the report it would write in the temp folder: show how.
      const fresh = join(temp, report, `${report}.api.md`);
      if (!update && sameApi(join(ROOT, file), fresh)) continue;
      changed.push(file);
      if (!update)
        spawnSync('git', ['diff', '--no-index', file, fresh], { cwd: ROOT, stdio: 'inherit' });
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (changed.length > 0 && !update) {
  console.error(
    `The public API differs from its report in:\n  ${changed.join('\n  ')}\n` +
      'If the change is meant, run `pnpm api:update`, commit the reports and add a changeset.',
  );
  process.exitCode = 1;
} else if (update) {
  console.log(changed.length > 0 ? `updated:\n  ${changed.join('\n  ')}` : 'no report changed');
}

/** `exports` entries with declarations: [".", "./dist/index.d.ts"], ["./errors", …]. */
function typedEntries(manifest) {
  return Object.entries(manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => [subpath, target.types]);
}

/** "@tokenkit/core", "./errors" → "core-errors". */
function reportName(name, subpath) {
  const base = name.replace(/^@[^/]+\//, '');
  return subpath === '.' ? base : `${base}-${subpath.replace(/^\.\//, '').replaceAll('/', '-')}`;
}

/**
 * Whether two reports state the same API. The declaration emitter prints the members of a large
 * string-literal enum (the 500 Losant scopes) in the order the compiler first met each literal,
 * which changes with build order; member order in such an object type means nothing, so runs of
 * `"x": "x";` (or `x: "x";`) lines are compared as sets.
 */
function sameApi(reportFile, freshFile) {
  return (
    normalized(readFileSync(reportFile, 'utf8')) === normalized(readFileSync(freshFile, 'utf8'))
  );
}

function normalized(text) {
  const out = [];
  let run = [];
  for (const line of text.split('\n')) {
    if (/^\s*("[^"]*"|[\w$]+): "[^"]*";$/.test(line)) {
      run.push(line);
      continue;
    }
    out.push(...run.sort(), line);
    run = [];
  }
  return [...out, ...run.sort()].join('\n');
}

function prepare(projectFolder, types, report) {
  return ExtractorConfig.prepare({
    configObjectFullPath: undefined,
    packageJsonFullPath: join(projectFolder, 'package.json'),
    configObject: {
      projectFolder,
      mainEntryPointFilePath: join(projectFolder, types),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            lib: ['es2023', 'dom'],
            strict: true,
            // The declarations are type-checked by attw and the packages' own tsc runs.
            skipLibCheck: true,
            typeRoots: [join(ROOT, 'node_modules/@types')],
            types: ['node'],
          },
          files: [join(projectFolder, types)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: report,
        reportFolder: join(projectFolder, 'review'),
        reportTempFolder: join(temp, report),
      },
      newlineKind: 'lf',
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: MESSAGES,
    },
  });
}
