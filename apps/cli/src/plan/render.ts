import type { ChangeAction, Plan, TokenRecord } from '@tokenkit/plan';
import type { Colors } from '../output/colors.js';
import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import { truncateVisible } from '../output/text-width.js';

/** Terraform's marks, and a colour for each. */
const marks: Record<ChangeAction, { mark: string; color: keyof Colors }> = {
  create: { mark: '  +', color: 'green' },
  update: { mark: '  ~', color: 'yellow' },
  replace: { mark: '-/+', color: 'red' },
  rotate: { mark: '  ↻', color: 'cyan' },
  delete: { mark: '  -', color: 'red' },
};

/** How many unmanaged tokens are named before the rest are counted. */
const unmanagedShown = 10;

function paint(c: Colors, color: keyof Colors, text: string): string {
  return (c[color] as (text: string) => string)(text);
}

/** `losant application:5f0c… deploy-bot (id)`: server text sanitized. */
function subject(record: TokenRecord): string {
  const id = record.id === null ? '' : ` (${record.id})`;
  return sanitize(`${record.vendor} ${record.owner} ${record.name}${id}`);
}

/** A line cut to the terminal's width, when stdout is one. */
function fit(output: Output, line: string): string {
  const columns = output.terminalColumns;
  return columns === undefined ? line : truncateVisible(line, columns);
}

/** The lines of one change: its mark, action and token, then its reasons. */
export function changeLines(output: Output, record: TokenRecord<ChangeAction>): string[] {
  const c = output.color;
  const { mark, color } = marks[record.action];
  const head = `${paint(c, color, `${mark} ${record.action.padEnd(7)}`)} ${subject(record)}`;
  return [head, ...record.reasons.map((reason) => c.dim(`        ${sanitize(reason)}`))].map(
    (line) => fit(output, line),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The summary's two sentences: what changes, and what is left as it is. */
function summaryParts(plan: Plan): [string, string] {
  const counts = (['create', 'update', 'replace', 'rotate', 'delete'] as const).map(
    (action) =>
      `${plan.changes.filter((change) => change.record.action === action).length} to ${action}`,
  );
  const left = `${plan.unchanged.length} unchanged, ${plan.unmanaged.length} unmanaged, ${plural(plan.conflicts.length, 'conflict')}`;
  return [`Plan: ${counts.join(', ')}.`, `${left}.`];
}

/** `Plan: 1 to create, 2 to update, … 3 unchanged, 1 unmanaged, 0 conflicts.` */
export function summaryLine(plan: Plan): string {
  return summaryParts(plan).join(' ');
}

/** The summary on one line, or on two when the terminal is narrower. */
function summaryLines(output: Output, plan: Plan): string[] {
  const c = output.color;
  const columns = output.terminalColumns;
  const whole = summaryLine(plan);
  const lines = columns === undefined || whole.length <= columns ? [whole] : summaryParts(plan);
  return lines.map((line) => fit(output, c.bold(line)));
}

function unmanagedLines(output: Output, plan: Plan): string[] {
  if (plan.unmanaged.length === 0) return [];
  const c = output.color;
  const shown = plan.unmanaged.slice(0, unmanagedShown).map((record) => {
    const note =
      record.reasons[0] === 'not in the tokens file'
        ? ''
        : c.dim(` — ${sanitize(record.reasons.join('; '))}`);
    return fit(output, `    ${subject(record)}${note}`);
  });
  const more = plan.unmanaged.length - shown.length;
  return [
    '',
    c.dim('Unmanaged (not in the tokens file; left alone):'),
    ...shown,
    ...(more > 0 ? [c.dim(`    … ${more} more`)] : []),
  ];
}

function conflictLines(output: Output, plan: Plan): string[] {
  if (plan.conflicts.length === 0) return [];
  const c = output.color;
  return [
    '',
    c.red('Conflicts (left alone until one of the tokens is renamed or deleted):'),
    ...plan.conflicts.flatMap((record) => [
      fit(output, `  ! ${subject(record)}`),
      ...record.reasons.map((reason) => fit(output, c.dim(`        ${sanitize(reason)}`))),
    ]),
  ];
}

/** The whole plan, as a person reads it. */
export function planLines(output: Output, plan: Plan): string[] {
  const c = output.color;
  const lines: string[] = [];
  if (plan.changes.length === 0) {
    lines.push(c.green('No changes. The live tokens match the tokens file.'));
  } else {
    lines.push('tokenkit will make these changes:', '');
    for (const change of plan.changes) lines.push(...changeLines(output, change.record));
  }
  lines.push(...conflictLines(output, plan), ...unmanagedLines(output, plan));
  lines.push(...plan.notes.map((note) => fit(output, c.yellow(`note: ${sanitize(note)}`))));
  lines.push('', ...summaryLines(output, plan));
  return lines.map((line) => fit(output, line));
}
