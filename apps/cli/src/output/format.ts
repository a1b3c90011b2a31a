const dayMs = 86_400_000;

/** `2026-11-24` from an ISO string or epoch ms; `—` when absent. */
export function formatDay(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().slice(0, 10);
}

/**
 * A date-time whole, for a pipe: an ISO string as the API gave it, epoch milliseconds as ISO
 * 8601; empty when absent.
 */
export function formatTimestamp(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** "in 12 days", "3 days ago", "today": how far `date` is from `now`, in whole days. */
export function relativeDays(date: Date, now: Date): string {
  const days = Math.round((date.getTime() - now.getTime()) / dayMs);
  if (days === 0) {
    const hours = Math.round((date.getTime() - now.getTime()) / 3_600_000);
    if (hours > 0) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
    if (hours < 0) return `${-hours} hour${hours === -1 ? '' : 's'} ago`;
    return 'now';
  }
  const count = Math.abs(days);
  const unit = `${count} day${count === 1 ? '' : 's'}`;
  return days > 0 ? `in ${unit}` : `${unit} ago`;
}

/** Shortens a long list for a table cell: "a, b, c +4 more". */
export function summarizeList(items: readonly string[], max = 3): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} +${items.length - max} more` : shown;
}
