import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import { renderTable } from '../output/table.js';
import { visibleWidth } from '../output/text-width.js';
import { wrapWords } from '../output/wrap.js';
import { ownerLabel } from './labels.js';
import { type OwnerJson, ownerKey } from './owner-json.js';
import type { AuditReport } from './report.js';
import type { Severity } from './severity.js';
import type { Finding } from './types.js';

/** The width prose is wrapped to when stdout reports none (a pipe, a file). */
export const defaultWidth = 80;

/** One owner's findings, under the owner as the report's sources name it. */
export interface OwnerGroup {
  vendor: Finding['vendor'];
  owner: OwnerJson;
  findings: Finding[];
}

/** A finding's owner as the report's sources name it (a finding holds only the id). */
export function namedOwner(report: AuditReport): (finding: Finding) => OwnerJson {
  const named = new Map(report.sources.map((s) => [ownerKey(s.vendor, s.owner), s.owner]));
  return (finding) => named.get(ownerKey(finding.vendor, finding.owner)) ?? finding.owner;
}

/**
 * Findings by owner, each owner where its most urgent finding comes (the findings are sorted),
 * with the application's name from the report's sources (a finding holds only the id).
 */
export function groupByOwner(report: AuditReport, findings: readonly Finding[]): OwnerGroup[] {
  const named = namedOwner(report);
  const groups = new Map<string, OwnerGroup>();
  for (const finding of findings) {
    const key = ownerKey(finding.vendor, finding.owner);
    let group = groups.get(key);
    if (!group) {
      group = { vendor: finding.vendor, owner: named(finding), findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  return [...groups.values()];
}

/** The severity in its colour. */
export function severityCell(output: Output, severity: Severity): string {
  const c = output.color;
  switch (severity) {
    case 'critical':
      return c.bold(c.red('critical'));
    case 'high':
      return c.red('high');
    case 'medium':
      return c.yellow('medium');
    case 'low':
      return c.dim('low');
  }
}

/** In a pipe: one tab-separated line per finding, every value whole (the owner included). */
function pipeRows(output: Output, report: AuditReport, findings: readonly Finding[]): string {
  return renderTable(
    output,
    ['SEVERITY', 'FINDING', 'OWNER', 'TOKEN', 'ID', 'DETAIL'],
    groupByOwner(report, findings).flatMap((group) =>
      group.findings.map((finding) => [
        finding.severity,
        finding.kind,
        ownerLabel(group.vendor, group.owner),
        sanitize(finding.tokenName),
        sanitize(finding.tokenId),
        sanitize(finding.message),
      ]),
    ),
  );
}

/** The longest finding kind, `never-expiring`: the kinds line up in a column. */
const kindWidth = 14;

/**
 * One finding at a terminal: its severity, kind and token (name and id whole) on a line, what
 * to do on the lines under it; both wrap at spaces to fit, so nothing is ever cut.
 */
function findingLines(output: Output, finding: Finding, width: number): string[] {
  const c = output.color;
  const severity = severityCell(output, finding.severity);
  const pad = ' '.repeat(Math.max(0, 8 - finding.severity.length));
  const token = `${sanitize(finding.tokenName)} ${c.dim(`(${sanitize(finding.tokenId)})`)}`;
  const first = `${severity}${pad} ${finding.kind.padEnd(kindWidth)} ${token}`;
  return [
    ...wrapWords(first, width - 2, '    ').map((line) => `  ${line}`),
    ...wrapWords(sanitize(finding.message), width - 6).map((line) => `      ${line}`),
  ];
}

/**
 * The findings under a heading per owner that names it whole, each finding's lines fitting the
 * terminal (they wrap, never cut). In a pipe, tab-separated lines instead.
 */
export function printFindings(output: Output, report: AuditReport, findings: readonly Finding[]) {
  if (!output.streams.stdout.isTTY) {
    output.print(pipeRows(output, report, findings));
    return;
  }
  const c = output.color;
  const width = output.terminalColumns ?? defaultWidth;
  for (const group of groupByOwner(report, findings)) {
    output.print('');
    const heading = wrapWords(ownerLabel(group.vendor, group.owner), width, '  ');
    output.printLines(heading.map((line) => c.bold(line)));
    for (const finding of group.findings) output.printLines(findingLines(output, finding, width));
  }
}

/**
 * The rotate commands that fix these findings, whole (they are meant to be copied); the note
 * naming the token follows only where it still fits the terminal.
 */
export function printCommands(output: Output, findings: readonly Finding[]): void {
  const commands = findings.filter((finding) => finding.command !== null);
  if (commands.length === 0) return;
  const c = output.color;
  const width = output.terminalColumns ?? Number.POSITIVE_INFINITY;
  output.print('');
  output.print(c.bold('To fix:'));
  output.printLines(
    commands.map((f) => {
      const command = `  ${sanitize(f.command ?? '')}`;
      const note = `  ${c.dim(`# ${sanitize(f.tokenName)}: ${f.kind}`)}`;
      return visibleWidth(command + note) <= width ? command + note : command;
    }),
  );
}
