/**
 * Durations such as `90d`, as the tokens file and the CLI's options write them. Light on
 * purpose (no imports): the CLI loads it through `@tokenkit/plan/duration` at start-up.
 */

const unitMs = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
} as const;

/** A whole number and one unit: s, m (minutes), h, d, w, y (365 days). */
const durationPattern = /^(\d+)(s|m|h|d|w|y)$/;

/** How {@link parseDuration} reads. */
export interface DurationRules {
  /** Whether `0d` (no time at all) is a duration. @default false */
  readonly allowZero?: boolean | undefined;
}

/**
 * Milliseconds in a duration such as `90d`, `12h`, `2w` or `1y` (units s, m for minutes, h, d,
 * w, y of 365 days), or `undefined` when `text` is not one. Nothing around it is allowed (no
 * spaces, signs or fractions), and a zero only with `allowZero`.
 * @example
 * parseDuration('90d'); // 7776000000
 */
export function parseDuration(text: string, rules: DurationRules = {}): number | undefined {
  const match = durationPattern.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
  return ms === 0 && !rules.allowZero ? undefined : ms;
}

/** A span as a tokens file writes it: whole days (`90d`), else hours, else seconds. */
export function formatDuration(ms: number): string {
  if (ms % unitMs.d === 0) return `${ms / unitMs.d}d`;
  if (ms % unitMs.h === 0) return `${ms / unitMs.h}h`;
  return `${Math.max(1, Math.round(ms / unitMs.s))}s`;
}
