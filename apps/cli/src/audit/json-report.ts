import type { Output } from '../output/output.js';
import type { AuditReport } from './report.js';

/**
 * Findings per write: about 30 kB of text, small enough to stay in V8's young generation (a
 * string over 128 kB goes straight to the old one, and a large audit would grow the heap with
 * them).
 */
const findingsPerWrite = 64;

/**
 * Prints the report byte for byte as `JSON.stringify(report, null, 2)` would, but its findings
 * 64 at a time: an audit of a large organization never holds its whole document as
 * one string (tens of megabytes, and again as the bytes written).
 */
export function printAuditJson(output: Output, report: AuditReport): void {
  const { findings } = report;
  const head = JSON.stringify({ ...report, findings: [] }, null, 2);
  if (findings.length === 0) {
    output.print(head);
    return;
  }
  // `findings` is the report's last key: the document ends with `"findings": []\n}`.
  output.write(`${head.slice(0, -'[]\n}'.length)}[\n`);
  for (let start = 0; start < findings.length; start += findingsPerWrite) {
    const piece = JSON.stringify(findings.slice(start, start + findingsPerWrite), null, 2);
    // `[\n  {…},\n  {…}\n]` one level deeper: without its brackets, two more spaces a line.
    const items = `  ${piece.slice(2, -2).replaceAll('\n', '\n  ')}`;
    output.write(start === 0 ? items : `,\n${items}`);
  }
  output.write('\n  ]\n}\n');
}
