// Prints one closing line for the whole suite, summed over every package's vitest JSON report
// (turbo restores the reports on cache hits, so a cached run reports the same counts).
//
// `node scripts/test-summary.mjs -- <step> <step> …` first runs the steps, in order, each as a
// shell command, stopping at the first that fails (as `&&` would); the line is printed either
// way, and the exit code is the failed step's (else 1 when a test failed or none ran). Reports
// older than this run are not counted: a package whose tests did not run this time shows as
// "no test report".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const startedAt = Date.now();
const separator = process.argv.indexOf('--');
const steps = separator === -1 ? [] : process.argv.slice(separator + 1);
let stepStatus = 0;
for (const step of steps) {
  const { status, signal } = spawnSync(step, { shell: true, stdio: 'inherit' });
  if (status !== 0) {
    stepStatus = status ?? 1;
    console.log(`failed: ${step}${signal ? ` (${signal})` : ''}`);
    break;
  }
}

const roots = ['packages', 'apps', 'tests'];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const root of roots) {
  for (const name of readdirSync(root)) {
    const manifest = join(root, name, 'package.json');
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test)
      continue;
    const report = join(root, name, '.vitest-report.json');
    if (!existsSync(report) || (steps.length > 0 && statSync(report).mtimeMs < startedAt)) {
      missing.push(join(root, name));
      continue;
    }
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  }
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = stepStatus || (failed > 0 || passed === 0 ? 1 : 0);
