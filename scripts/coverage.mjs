// Prints each package's test coverage (from the run `pnpm test` just made, or turbo's cached
// copy) against its floor in coverage-floors.json, and fails when one is below it or has none.
// `--raise` (`pnpm coverage:raise`) lifts every floor to today's coverage, less at least half a
// point and rounded down to a whole percent, so a branch that only a race reaches (a retry
// against a timeout) cannot fail a run; 100% stays 100%. It never lowers a floor.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, readJson } from './workspace.mjs';

const METRICS = ['lines', 'statements', 'functions', 'branches'];
const FLOORS_FILE = join(ROOT, 'coverage-floors.json');
const raise = process.argv.includes('--raise');

const floors = readJson(FLOORS_FILE);
const problems = [];
const rows = [];
for (const { name, summary } of measuredPackages()) {
  const floor = floors[name];
  if (raise) {
    floors[name] = Object.fromEntries(
      METRICS.map((m) => [m, Math.max(floor?.[m] ?? 0, floorOf(summary[m].pct))]),
    );
  } else if (!floor) {
    problems.push(`${name} has no coverage floor: run \`pnpm coverage:raise\``);
  } else {
    for (const m of METRICS.filter((m) => summary[m].pct < floor[m])) {
      problems.push(`${name}: ${m} ${summary[m].pct}% is below its floor of ${floor[m]}%`);
    }
  }
  rows.push([name, ...METRICS.map((m) => `${summary[m].pct}% (≥ ${floors[name]?.[m] ?? '–'})`)]);
}
printTable(['coverage', ...METRICS], rows);
if (raise) writeFileSync(FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}

/** Every workspace package with sources and tests, with its last coverage summary. */
function measuredPackages() {
  const measured = [];
  for (const root of ['packages', 'apps', 'tests']) {
    for (const dir of readdirSync(join(ROOT, root)).map((name) => join(ROOT, root, name))) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest) || !existsSync(join(dir, 'src'))) continue;
      const { name, scripts } = readJson(manifest);
      if (!scripts?.test) continue;
      const file = join(dir, 'coverage/coverage-summary.json');
      if (!existsSync(file)) throw new Error(`${name}: no ${file}; run its tests first`);
      measured.push({ name, summary: readJson(file).total });
    }
  }
  return measured;
}

function floorOf(pct) {
  return pct === 100 ? 100 : Math.floor(pct - 0.5);
}

function printTable(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  }
}
