import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/output/output.js';
import { renderTable, type TableColumn } from '../../src/output/table.js';
import { truncateVisible, visibleWidth } from '../../src/output/text-width.js';

function output(isTTY: boolean, columns?: number, color = false): Output {
  const sink = { isTTY, columns, write: () => true };
  const env = color ? { FORCE_COLOR: '1' } : {};
  return new Output({ json: false, env }, { stdout: sink, stderr: sink });
}

const head: TableColumn[] = [
  { title: 'ID', fixed: true },
  { title: 'SEVERITY', dropOrder: 1 },
  { title: 'DETAIL' },
];
const detail =
  'expires in 5 days (2026-11-29); rotate it before then, and tell the team that owns it';
const rows = [['5f0c2b9e1a2b3c4d5e6f7a8b', 'high', detail]];

describe('renderTable', () => {
  it('gives a pipe one tab-separated line per row, no header, nothing cut', () => {
    expect(renderTable(output(false), head, rows)).toBe(
      `5f0c2b9e1a2b3c4d5e6f7a8b\thigh\t${detail}`,
    );
  });

  it('cuts the flexible column with … to fit a terminal, keeping fixed columns whole', () => {
    const lines = stripVTControlCharacters(renderTable(output(true, 60), head, rows)).split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^5f0c2b9e1a2b3c4d5e6f7a8b {2}high {6}expires in 5 days.*…$/);
  });

  it('drops columns in dropOrder when cutting is not enough', () => {
    const lines = stripVTControlCharacters(renderTable(output(true, 34), head, rows)).split('\n');
    expect(lines[0]).toBe('ID                        DETAIL');
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(34);
  });

  it('measures cells after redaction and without colour codes', () => {
    const out = output(true, 80, true);
    out.addSecret('s3cr3t-value-that-is-long');
    const table = renderTable(
      out,
      ['A', 'B'],
      [
        [out.color.red('x'), 's3cr3t-value-that-is-long'],
        ['yy', 'b'],
      ],
    );
    const lines = stripVTControlCharacters(table).split('\n');
    expect(lines).toEqual(['A   B', 'x   [redacted]', 'yy  b']);
  });

  it('leaves a table that fits alone', () => {
    expect(renderTable(output(true, 200), head, rows).split('\n')[1]).toContain(detail);
  });
});

describe('truncateVisible', () => {
  it('keeps colour codes whole and resets after a cut', () => {
    expect(truncateVisible('\u001b[31mabcdef\u001b[39m', 4)).toBe('\u001b[31mabc…\u001b[0m');
    expect(truncateVisible('abc', 3)).toBe('abc');
  });
});
