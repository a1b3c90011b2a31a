import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import { renderTable } from '../output/table.js';
import { ownerLabel, plural } from './labels.js';
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
  const counts = severities
    .toReversed()
    .filter((severity) => report.summary[severity] > 0)
    .map((severity) => `${report.summary[severity]} ${severity}`)
    .join(' · ');
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

/**
 * The audit for people: what could not be read, a table of findings (most urgent first), the
 * rotate commands that fix them, and a one-line verdict.
 */
export function printAuditReport(output: Output, report: AuditReport): void {
  const c = output.color;
  output.print(headline(output, report));
  for (const missing of report.notAudited) {
    const what = missing.skipped ? c.yellow('skipped') : c.red('not audited');
    output.print(
      `${c.red('!')} ${what} ${ownerLabel(missing.vendor, missing.owner)}: ${sanitize(missing.reason)}`,
    );
  }
  if (report.findings.length > 0) {
    output.print('');
    output.print(
      renderTable(
        output,
        // At a narrow terminal the owner goes first: the token and the detail say what to do.
        ['SEVERITY', 'FINDING', { title: 'OWNER', dropOrder: 1 }, 'TOKEN', 'DETAIL'],
        report.findings.map((finding) => [
          severityCell(output, finding.severity),
          finding.kind,
          // The full ids are in --json; people need only enough to tell owners apart.
          ownerLabel(finding.vendor, finding.owner, { short: true, name: false }),
          `${sanitize(finding.tokenName)} ${c.dim(`(${sanitize(finding.tokenId)})`)}`,
          sanitize(finding.message),
        ]),
      ),
    );
    const commands = report.findings.filter((finding) => finding.command !== null);
    if (commands.length > 0) {
      output.print('');
      output.print(c.bold('To rotate:'));
      output.printLines(
        commands.map(
          (f) =>
            `  ${sanitize(f.command ?? '')}  ${c.dim(`# ${sanitize(f.tokenName)}: ${f.kind}`)}`,
        ),
      );
    }
  } else {
    output.print(`${c.green('✓')} No findings.`);
  }
  output.print('');
  output.print(verdictLine(output, report));
}
