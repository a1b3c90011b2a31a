import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import type { Output } from './output.js';

const borderless = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' ',
};

/**
 * A width for the last column so the table fits the terminal, or `undefined` when it already
 * fits or stdout is not a terminal (a pipe gets one line per row, easy to grep).
 */
function lastColumnWidth(output: Output, head: string[], rows: string[][]): number | undefined {
  const columns = output.terminalColumns;
  if (!columns || head.length < 2) return undefined;
  const widths = head.map(
    (title, index) =>
      Math.max(
        ...[title, ...rows.map((row) => row[index] ?? '')].map(
          (cell) => stripVTControlCharacters(cell).length,
        ),
      ) + 2,
  );
  const total = widths.reduce((sum, width) => sum + width, 0) + widths.length - 1;
  if (total <= columns) return undefined;
  const others = total - (widths.at(-1) ?? 0);
  return Math.max(24, columns - others - 1);
}

/**
 * Renders rows as a table for people: no borders, bold headers when stdout takes colour, and a
 * last column that wraps to the terminal's width.
 */
export function renderTable(output: Output, head: string[], rows: string[][]): string {
  const last = lastColumnWidth(output, head, rows);
  const table = new Table({
    head: head.map((title) => output.color.bold(title)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: borderless,
    ...(last === undefined
      ? {}
      : { colWidths: [...head.slice(1).map(() => null), last], wordWrap: true }),
  });
  table.push(...rows);
  // cli-table3 pads every line to the full width; trailing blanks only get in the way.
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Prints a table, or a short note when there is nothing to show. */
export function printTable(output: Output, head: string[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    output.note(output.errorColor.dim(empty));
    return;
  }
  output.print(renderTable(output, head, rows));
}
