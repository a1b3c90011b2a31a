import { type Severity, severities } from './severity.js';

/** Tokens expiring in each month (`2027-01`), counted as the walk reads them. */
export type ExpiryCounts = Map<string, number>;

/** Counts each token's expiry month into `counts`; `never` counts those without one. */
export function countExpiries(
  counts: ExpiryCounts,
  tokens: readonly { expiresAt: Date | null }[],
): void {
  for (const { expiresAt } of tokens) {
    const month = expiresAt === null ? 'never' : expiresAt.toISOString().slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
}

/** Months from the first to the last (gaps as 0); by year when that would be over 36 bars. */
function buckets(counts: ExpiryCounts): [string, number][] {
  const months = [...counts]
    .filter(([month]) => month !== 'never')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (months.length === 0) return [];
  const [first] = months[0] as [string, number];
  const [last] = months[months.length - 1] as [string, number];
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const span = index(last) - index(first) + 1;
  if (span > 36) {
    const years = new Map<string, number>();
    for (const [month, count] of months)
      years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count);
    return [...years];
  }
  const known = new Map(months);
  return Array.from({ length: span }, (_, offset) => {
    const at = index(first) + offset;
    const month = `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    return [month, known.get(month) ?? 0];
  });
}

/** Vertical bars with their labels below and counts above. */
function columns(bars: readonly [string, number][], title: string): string {
  const step = 34;
  const height = 150;
  const top = Math.max(1, ...bars.map(([, count]) => count));
  const width = Math.max(240, bars.length * step + 20);
  const drawn = bars.map(([label, count], position) => {
    const x = 10 + position * step;
    const h = Math.round((count / top) * (height - 40));
    const y = height - 20 - h;
    return (
      `<rect x="${x}" y="${y}" width="${step - 8}" height="${h}" fill="#4263eb"><title>${label}: ${count}</title></rect>` +
      `<text x="${x + (step - 8) / 2}" y="${y - 3}" text-anchor="middle">${count}</text>` +
      `<text x="${x + (step - 8) / 2}" y="${height - 6}" text-anchor="middle" font-size="9">${label}</text>`
    );
  });
  return `<svg role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${drawn.join('')}</svg>`;
}

/** The tokens audited by the month they expire in, and how many never do. */
export function expiryChart(counts: ExpiryCounts): string {
  const bars = buckets(counts);
  const never = counts.get('never') ?? 0;
  const caption = `Expiries over time (every token audited; ${never} never expire)`;
  const chart = bars.length > 0 ? columns(bars, caption) : '<p>No token audited has an expiry.</p>';
  return `<figure id="expiries"><figcaption>${caption}</figcaption>${chart}</figure>`;
}

/** A horizontal bar per severity, worst first. */
export function severityChart(counts: Record<Severity, number>): string {
  const top = Math.max(1, ...severities.map((severity) => counts[severity]));
  const rows = severities.toReversed().map((severity, position) => {
    const y = 8 + position * 28;
    const w = Math.round((counts[severity] / top) * 260);
    return (
      `<text x="0" y="${y + 14}">${severity}</text>` +
      `<rect x="70" y="${y}" width="${w}" height="20" fill="var(--${severity})"><title>${severity}: ${counts[severity]}</title></rect>` +
      `<text x="${76 + w}" y="${y + 14}">${counts[severity]}</text>`
    );
  });
  const caption = 'Findings by severity';
  return `<figure id="severities"><figcaption>${caption}</figcaption><svg role="img" aria-label="${caption}" viewBox="0 0 400 124" width="400" height="124">${rows.join('')}</svg></figure>`;
}
