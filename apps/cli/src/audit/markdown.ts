import { sanitize } from '../output/sanitize.js';
import { ownerLabel, plural } from './labels.js';
import { namedOwner } from './render-findings.js';
import type { AuditReport } from './report.js';
import { severities } from './severity.js';

/**
 * Server text made inert in GitHub-flavoured Markdown: control characters shown, and the
 * characters that could start markup inside a table cell (a pipe, a link, an HTML tag, emphasis,
 * a mention, an entity) escaped.
 */
function text(value: string): string {
  return sanitize(value).replace(/[\\`*_[\]<>|~@&]/g, (character) =>
    character === '&' ? '&amp;' : `\\${character}`,
  );
}

function summaryLine(report: AuditReport): string {
  const counts = severities
    .toReversed()
    .filter((severity) => report.summary[severity] > 0)
    .map((severity) => `${report.summary[severity]} ${severity}`)
    .join(' · ');
  return (
    `**${plural(report.findings.length, 'finding')}**${counts ? ` (${counts})` : ''} in ` +
    `${plural(report.summary.tokens, 'token')} of ${plural(report.sources.length, 'owner')} · ` +
    `expiring within ${report.expiringWithin} · \`--fail-on ${report.failOn}\`` +
    (report.policy ? ` · policy ${text(report.policy)}` : '')
  );
}

function verdict(report: AuditReport): string {
  if (report.error) return `❌ failing: ${text(report.error)}`;
  if (!report.failed) return '✅ passing';
  return `❌ failing: at least one finding is ${report.failOn} or worse`;
}

/** Commands go in a fenced block, which shows its text as is. */
function rotateBlock(report: AuditReport): string[] {
  const commands = report.findings.flatMap((finding) =>
    finding.command === null ? [] : [sanitize(finding.command)],
  );
  if (commands.length === 0) return [];
  return [
    '',
    '<details><summary>Rotate commands</summary>',
    '',
    '```sh',
    ...commands,
    '```',
    '',
    '</details>',
  ];
}

/**
 * The audit as Markdown, for a CI job summary (`>> $GITHUB_STEP_SUMMARY`) or a pull request
 * comment: a verdict, the owners that could not be read, a table of findings and the rotate
 * commands.
 */
export function auditMarkdown(report: AuditReport): string {
  const lines = [`## Token audit: ${verdict(report)}`, '', summaryLine(report)];
  if (report.notAudited.length > 0) {
    lines.push('', '**Not audited:**', '');
    for (const missing of report.notAudited) {
      const what = missing.skipped ? 'skipped' : 'not audited';
      lines.push(
        `- ${text(ownerLabel(missing.vendor, missing.owner))} (${what}): ${text(missing.reason)}`,
      );
    }
  }
  if (report.findings.length > 0) {
    lines.push(
      '',
      '| Severity | Finding | Owner | Token | Detail |',
      '| --- | --- | --- | --- | --- |',
    );
    const named = namedOwner(report);
    for (const finding of report.findings) {
      const owner = text(ownerLabel(finding.vendor, named(finding)));
      const token = `${text(finding.tokenName)} (${text(finding.tokenId)})`;
      lines.push(
        `| ${finding.severity} | ${finding.kind} | ${owner} | ${token} | ${text(finding.message)} |`,
      );
    }
  }
  lines.push(...rotateBlock(report));
  return lines.join('\n');
}
