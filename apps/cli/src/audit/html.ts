import { createHash } from 'node:crypto';
import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import { pageScript, pageStyle } from './html-assets.js';
import { type ExpiryCounts, expiryChart, severityChart } from './html-charts.js';
import { ownerLabel, plural } from './labels.js';
import type { OwnerJson } from './owner-json.js';
import { groupByOwner } from './render-findings.js';
import { countsText } from './render-summary.js';
import type { AuditReport } from './report.js';
import { severityRank } from './severity.js';
import type { Finding } from './types.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Server text as inert HTML text or attribute value: controls shown, markup escaped. */
export function escapeHtml(value: string): string {
  return sanitize(value).replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Rows per write: the page of a large audit is never held as one string. */
const rowsPerWrite = 256;

/*
 * The page allows no request at all and runs only its own script (by hash): even text that
 * escaped escaping could load nothing and run nothing (an inline handler such as `onerror` is
 * refused).
 */
const policy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
  `script-src 'sha256-${createHash('sha256').update(pageScript).digest('base64')}'`;

function verdict(report: AuditReport): string {
  if (report.error) return `<span class="failing">failing: ${escapeHtml(report.error)}</span>`;
  if (!report.failed) return '<span class="passing">passing</span>';
  return `<span class="failing">failing: at least one finding is ${report.failOn} or worse</span>`;
}

function head(report: AuditReport, expiries: ExpiryCounts): string {
  const counts = countsText(report.summary);
  const missing = report.notAudited.map(
    (m) =>
      `<li>${escapeHtml(ownerLabel(m.vendor, m.owner))} (${m.skipped ? 'skipped' : 'not audited'}): ${escapeHtml(m.reason)}</li>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tokenkit audit ${escapeHtml(report.generatedAt)}</title><style>${pageStyle}</style></head>
<body><h1>Token audit: ${verdict(report)}</h1>
<p>${plural(report.findings.length, 'finding')}${counts ? ` (${counts})` : ''} in ${plural(report.summary.tokens, 'token')} of ${plural(report.sources.length, 'owner')} · expiring within ${escapeHtml(report.expiringWithin)} · --fail-on ${report.failOn}${report.policy ? ` · policy ${escapeHtml(report.policy)}` : ''} · ${escapeHtml(report.generatedAt)}</p>
${missing.length > 0 ? `<h2>Not audited</h2><ul>${missing.join('')}</ul>` : ''}
<div class="charts">${severityChart(report.summary)}${expiryChart(expiries)}</div>
<h2>Findings</h2>
<p><input id="filter" type="search" placeholder="Filter: words every row shown must hold" aria-label="Filter findings"><span id="shown">${report.findings.length} of ${report.findings.length} shown</span></p>
<table id="findings"><thead><tr>${['Severity', 'Finding', 'Owner', 'Token', 'Token id', 'Expires', 'Detail', 'Fix'].map((title) => `<th><button type="button">${title}</button></th>`).join('')}</tr></thead>
<tbody>
`;
}

function row(owner: string, finding: Finding): string {
  const expires = finding.expiresAt ?? '';
  return (
    `<tr><td class="sev sev-${finding.severity}" data-v="${severityRank(finding.severity)}">${finding.severity}</td>` +
    `<td>${finding.kind}</td><td class="owner">${owner}</td>` +
    `<td>${escapeHtml(finding.tokenName)}</td><td class="id">${escapeHtml(finding.tokenId)}</td>` +
    `<td data-v="${expires || '9999'}">${expires ? expires.slice(0, 10) : 'never'}</td>` +
    `<td>${escapeHtml(finding.message)}</td>` +
    `<td>${finding.command ? `<code>${escapeHtml(finding.command)}</code>` : ''}</td></tr>\n`
  );
}

/**
 * The audit as one self-contained HTML page (inline style, script and SVG charts; it loads
 * nothing): the verdict, findings by severity, the audited tokens' expiries over time, and a
 * findings table that sorts by any column and filters as you type. Written row by row.
 */
export function printAuditHtml(output: Output, report: AuditReport, expiries: ExpiryCounts): void {
  output.write(head(report, expiries));
  // Each owner's label once, with the application's name the findings do not hold.
  const owners = new Map<OwnerJson, string>();
  for (const group of groupByOwner(report, report.findings)) {
    const label = escapeHtml(ownerLabel(group.vendor, group.owner));
    for (const finding of group.findings) owners.set(finding.owner, label);
  }
  let piece = '';
  report.findings.forEach((finding, index) => {
    piece += row(owners.get(finding.owner) ?? '', finding);
    if ((index + 1) % rowsPerWrite === 0) {
      output.write(piece);
      piece = '';
    }
  });
  output.write(`${piece}</tbody></table>\n<script>${pageScript}</script>\n</body></html>\n`);
}
