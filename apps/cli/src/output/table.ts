import { stripVTControlCharacters } from 'node:util';
import type { Output } from './output.js';
import { truncateVisible, visibleWidth } from './text-width.js';

/** One column of a table. A plain string is a column that may be shortened but never dropped. */
export interface TableColumn {
  title: string;
  /** Never shortened: values people copy, such as ids. */
  fixed?: boolean;
  /** When the table cannot fit otherwise, columns with a `dropOrder` go, lowest first. */
  dropOrder?: number;
}

const gap = '  ';
/** A shortened column keeps at least this many characters (or its whole width if less). */
const minimumWidth = 6;
/** The width assumed for a terminal that does not report one. */
const defaultColumns = 80;

function columnOf(head: string | TableColumn): TableColumn {
  return typeof head === 'string' ? { title: head } : head;
}

function naturalWidths(columns: readonly TableColumn[], rows: readonly string[][]): number[] {
  return columns.map((column, index) =>
    Math.max(visibleWidth(column.title), ...rows.map((row) => visibleWidth(row[index] ?? ''))),
  );
}

function totalWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + gap.length * (widths.length - 1);
}

/** Narrows the widest shortenable columns one character at a time until the table fits. */
function shrink(columns: readonly TableColumn[], widths: number[], limit: number): boolean {
  const floors = widths.map((width, index) =>
    columns[index]?.fixed ? width : Math.min(width, minimumWidth),
  );
  while (totalWidth(widths) > limit) {
    let widest = -1;
    for (let index = 0; index < widths.length; index++) {
      if (widths[index]! > floors[index]! && (widest < 0 || widths[index]! > widths[widest]!)) {
        widest = index;
      }
    }
    if (widest < 0) return false;
    widths[widest]!--;
  }
  return true;
}

/** The columns to show and their widths: narrowed first, then dropped in `dropOrder`. */
function layout(columns: TableColumn[], rows: string[][], limit: number) {
  let shown = columns.map((_, index) => index);
  for (;;) {
    const visible = shown.map((index) => columns[index]!);
    const widths = naturalWidths(
      visible,
      rows.map((row) => shown.map((index) => row[index] ?? '')),
    );
    const droppable = shown.filter((index) => columns[index]!.dropOrder !== undefined);
    if (shrink(visible, widths, limit) || droppable.length === 0) return { shown, widths };
    const first = droppable.reduce((a, b) =>
      columns[b]!.dropOrder! < columns[a]!.dropOrder! ? b : a,
    );
    shown = shown.filter((index) => index !== first);
  }
}

function line(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => {
      const width = widths[index]!;
      const text = truncateVisible(cell, width);
      return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
    })
    .join(gap)
    .trimEnd();
}

/**
 * Renders rows for the terminal `output` writes to. At a terminal: a header and aligned columns
 * that fit its width, long cells cut with `…` and low-priority columns dropped (full values
 * stay in `get` and `--json`). In a pipe or a file: one tab-separated line per row, nothing cut
 * and no header, ready for `cut` and `grep` (as `gh` does). Cells are redacted before they are
 * measured; server text in them must already be sanitised.
 */
export function renderTable(
  output: Output,
  head: readonly (string | TableColumn)[],
  rows: readonly string[][],
): string {
  const cells = rows.map((row) => row.map((cell) => output.redact(cell)));
  if (output.wholeValues) {
    return cells
      .map((row) => row.map((cell) => stripVTControlCharacters(cell)).join('\t'))
      .join('\n');
  }
  const columns = head.map(columnOf);
  const limit = output.terminalColumns ?? defaultColumns;
  const { shown, widths } = layout(columns, cells, limit);
  const title = line(
    shown.map((index) => output.color.bold(columns[index]!.title)),
    widths,
  );
  return [
    title,
    ...cells.map((row) =>
      line(
        shown.map((index) => row[index] ?? ''),
        widths,
      ),
    ),
  ].join('\n');
}

/** Prints a table, or a short note when there is nothing to show. */
export function printTable(
  output: Output,
  head: readonly (string | TableColumn)[],
  rows: readonly string[][],
  empty: string,
): void {
  if (rows.length === 0) {
    output.noteSummary(empty);
    return;
  }
  output.print(renderTable(output, head, rows));
}
