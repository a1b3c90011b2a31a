const dayMs = 86_400_000;

/** An ISO date `days` from now (negative: in the past), for seeding Losant tokens. */
export function isoInDays(days: number): string {
  return new Date(Date.now() + days * dayMs).toISOString();
}

/** Epoch milliseconds `days` from now, for seeding Instana tokens. */
export function msInDays(days: number): number {
  return Date.now() + days * dayMs;
}
