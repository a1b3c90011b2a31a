/**
 * A wait for people: "about 40 seconds", "about 3 minutes", "about 1 hour". Rounded, since a
 * retry or rate-limit reset is never exact to the second.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `about ${plural(seconds, 'second')}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${plural(minutes, 'minute')}`;
  return `about ${plural(Math.round(minutes / 60), 'hour')}`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
