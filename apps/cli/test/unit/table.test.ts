import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/output/output.js';
import { renderTable } from '../../src/output/table.js';

function output(isTTY: boolean, columns?: number): Output {
  const sink = { isTTY, columns, write: () => true };
  return new Output({ json: false, env: {} }, { stdout: sink, stderr: sink });
}

const head = ['SEVERITY', 'TOKEN', 'DETAIL'];
const rows = [
  [
    'high',
    'deploy-bot',
    'expires in 5 days (2026-11-29); rotate it before then, and tell the team that owns it',
  ],
];

describe('renderTable', () => {
  it('keeps one line per row in a pipe, without trailing blanks', () => {
    const lines = renderTable(output(false), head, rows).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ high\s+deploy-bot\s+expires in 5 days .* owns it$/);
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });

  it('wraps the last column to fit a narrow terminal', () => {
    const lines = renderTable(output(true, 60), head, rows).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(stripVTControlCharacters(line).length).toBeLessThanOrEqual(60);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(
      'rotate it before then, and tell the team that owns it',
    );
  });

  it('leaves a table that fits alone', () => {
    expect(renderTable(output(true, 200), head, rows).split('\n')).toHaveLength(2);
  });
});
