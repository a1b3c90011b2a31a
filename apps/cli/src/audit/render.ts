import type { Output } from '../output/output.js';
import { renderTable } from '../output/table.js';
import type { AuditReport } from './report.js';
import { type Severity, severities } from './severity.js';

function severityCell(output: Output, severity: Severity): string {
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

/** The audit for people: a table of findings, most urgent first, and a one-line verdict. */
export function printAuditReport(output: Output, report: AuditReport): void {
  const c = output.color;
  const owners = report.sources.map((source) =>
    source.owner.id
      ? `${source.vendor} ${source.owner.kind} ${source.owner.id}`
      : `${source.vendor} ${source.owner.kind}`,
  );
  output.print(
    c.bold(`Audit of ${report.summary.tokens} token${report.summary.tokens === 1 ? '' : 's'}`) +
      c.dim(` · ${owners.join(', ')} · expiring within ${report.expiringWithin}`),
  );
  for (const source of report.sources) {
    if (source.error) {
      const where = source.owner.id
        ? `${source.vendor} ${source.owner.kind} ${source.owner.id}`
        : `${source.vendor} ${source.owner.kind}`;
      output.print(`${c.red('!')} could not read ${where}: ${source.error}`);
    }
  }
  if (report.findings.length === 0) {
    output.print(`${c.green('✓')} No findings.`);
    return;
  }
  output.print('');
  output.print(
    renderTable(
      output,
      ['SEVERITY', 'FINDING', 'OWNER', 'TOKEN', 'DETAIL'],
      report.findings.map((finding) => [
        severityCell(output, finding.severity),
        finding.kind,
        // The full ids are in --json; people need only enough to tell owners apart.
        finding.owner.id
          ? `${finding.vendor} ${finding.owner.kind} ${finding.owner.id.slice(0, 8)}…`
          : `${finding.vendor} ${finding.owner.kind}`,
        `${finding.tokenName} ${c.dim(`(${finding.tokenId})`)}`,
        finding.message,
      ]),
    ),
  );
  output.print('');
  const counts = severities
    .toReversed()
    .filter((severity) => report.summary[severity] > 0)
    .map((severity) => `${report.summary[severity]} ${severity}`)
    .join(' · ');
  const verdict =
    report.failOn === 'none'
      ? c.dim('(--fail-on none: never fails)')
      : report.failed
        ? c.red(
            `failing: at least one finding is ${report.failOn} or worse (--fail-on ${report.failOn})`,
          )
        : c.green(`passing: nothing is ${report.failOn} or worse (--fail-on ${report.failOn})`);
  output.print(
    `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}: ${counts} — ${verdict}`,
  );
}
