import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import { wrapWords } from '../output/wrap.js';
import { ownerLabel, plural } from './labels.js';
import { defaultWidth, printCommands, printFindings } from './render-findings.js';
import { countsText, printSummary } from './render-summary.js';
import type { AuditReport } from './report.js';

/** Beyond this many findings the table prints a summary unless `--all` is given. */
export const summaryAbove = 40;
/** How many of the most urgent findings a summary shows. */
const firstFindings = 12;
/** How many owners that could not be read a summary lists one by one. */
const missingShown = 10;

function headline(output: Output, report: AuditReport): string {
  const c = output.color;
  const owners = report.sources.length;
  const policy = report.policy ? ` · policy ${report.policy}` : '';
  return (
    c.bold(`Audit of ${plural(report.summary.tokens, 'token')}`) +
    c.dim(` · ${plural(owners, 'owner')} · expiring within ${report.expiringWithin}${policy}`)
  );
}

function verdictLine(output: Output, report: AuditReport): string {
  const c = output.color;
  const counts = countsText(report.summary);
  const found = `${plural(report.findings.length, 'finding')}${counts ? `: ${counts}` : ''}`;
  if (report.error) return `${found} — ${c.red(`failing: ${sanitize(report.error)}`)}`;
  if (report.failOn === 'none') return `${found} — ${c.dim('(--fail-on none: never fails)')}`;
  return `${found} — ${
    report.failed
      ? c.red(
          `failing: at least one finding is ${report.failOn} or worse (--fail-on ${report.failOn})`,
        )
      : c.green(`passing: nothing is ${report.failOn} or worse (--fail-on ${report.failOn})`)
  }`;
}

function printMissing(output: Output, report: AuditReport, shown: number, width: number) {
  const c = output.color;
  for (const missing of report.notAudited.slice(0, shown)) {
    const what = missing.skipped ? c.yellow('skipped') : c.red('not audited');
    const line = `${c.red('!')} ${what} ${ownerLabel(missing.vendor, missing.owner)}: ${sanitize(missing.reason)}`;
    output.printLines(wrapWords(line, width, '  '));
  }
  const more = report.notAudited.length - shown;
  if (more > 0) output.print(c.red(`! … and ${plural(more, 'more owner')} not audited (--all)`));
}

/** What a summary ends with: how many findings it showed and how to see every one. */
function seeEverything(report: AuditReport, shown: number): string {
  return (
    `Showed the ${shown} most urgent of ${plural(report.findings.length, 'finding')}. ` +
    'To see every one: add --all, or use --format json, markdown, junit or html.'
  );
}

/**
 * The audit for people: what could not be read, the findings under a heading per owner (most
 * urgent first) and the commands that fix them, and a verdict. Above {@link summaryAbove}
 * findings, unless `all`: the counts by rule and severity, the worst owners and the most
 * urgent findings instead. Every line fits the terminal but the commands, which are copied.
 */
export function printAuditReport(output: Output, report: AuditReport, all = false): void {
  const c = output.color;
  const width = output.terminalColumns ?? defaultWidth;
  const summarised = !all && report.findings.length > summaryAbove;
  output.printLines(wrapWords(headline(output, report), width, '  '));
  printMissing(output, report, summarised ? missingShown : report.notAudited.length, width);
  if (report.findings.length === 0) {
    output.print(`${c.green('✓')} No findings.`);
  } else if (summarised) {
    printSummary(output, report);
    output.print('');
    output.print(c.bold('Most urgent findings:'));
    const first = report.findings.slice(0, firstFindings);
    printFindings(output, report, first);
    printCommands(output, first);
    output.print('');
    output.printLines(wrapWords(seeEverything(report, first.length), width));
  } else {
    printFindings(output, report, report.findings);
    printCommands(output, report.findings);
  }
  output.print('');
  output.printLines(wrapWords(verdictLine(output, report), width, '  '));
}
