import type { Output } from '../output/output.js';
import { renderTable } from '../output/table.js';
import { wrapWords } from '../output/wrap.js';
import { ownerLabel } from './labels.js';
import { defaultWidth, groupByOwner, type OwnerGroup } from './render-findings.js';
import type { AuditReport } from './report.js';
import { type Severity, severities } from './severity.js';
import type { FindingKind } from './types.js';

/** How many owners the summary names. */
const worstOwnersShown = 10;

const mostSevereFirst = severities.toReversed();

type Counts = Record<Severity, number>;

function zero(): Counts {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}

/** "2 critical · 5 high": the severities that occur, worst first. */
export function countsText(counts: Counts): string {
  return mostSevereFirst
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(' · ');
}

/** A table of findings by rule (rows) and severity (columns). */
function ruleTable(output: Output, report: AuditReport): string {
  const byKind = new Map<FindingKind, Counts>();
  for (const finding of report.findings) {
    const counts = byKind.get(finding.kind) ?? zero();
    byKind.set(finding.kind, counts);
    counts[finding.severity]++;
  }
  return renderTable(
    output,
    ['RULE', ...mostSevereFirst.map((s) => s.toUpperCase()), 'TOTAL'],
    [...byKind].map(([kind, counts]) => [
      kind,
      ...mostSevereFirst.map((severity) => String(counts[severity])),
      String(severities.reduce((sum, severity) => sum + counts[severity], 0)),
    ]),
  );
}

function ownerCounts(group: OwnerGroup): Counts {
  const counts = zero();
  for (const finding of group.findings) counts[finding.severity]++;
  return counts;
}

/** Most critical findings first, then most high ones, and so on. */
function compareCounts(a: Counts, b: Counts): number {
  for (const severity of mostSevereFirst)
    if (a[severity] !== b[severity]) return b[severity] - a[severity];
  return 0;
}

/**
 * What a large audit prints instead of every finding: the findings by rule and severity, and
 * the owners with the worst findings, each named whole (a line wraps rather than cut it).
 */
export function printSummary(output: Output, report: AuditReport): void {
  const c = output.color;
  const width = output.terminalColumns ?? defaultWidth;
  output.print('');
  output.print(c.bold('Findings by rule and severity:'));
  output.print(ruleTable(output, report));
  const owners = groupByOwner(report, report.findings)
    .map((group) => ({ group, counts: ownerCounts(group) }))
    .sort((a, b) => compareCounts(a.counts, b.counts));
  output.print('');
  output.print(
    c.bold(`Worst owners (${Math.min(worstOwnersShown, owners.length)} of ${owners.length}):`),
  );
  for (const { group, counts } of owners.slice(0, worstOwnersShown)) {
    const line = `  ${ownerLabel(group.vendor, group.owner)}: ${countsText(counts)}`;
    output.printLines(wrapWords(line, width, '    '));
  }
}
