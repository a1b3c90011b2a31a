import type { SecretWatch } from './secret-watch.js';

/** How a call ended: its value, or the error it threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs a call to its end and keeps any error in the watch for the secrets check. */
export async function settle(watch: SecretWatch, call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    watch.error(error);
    return { ok: false, error };
  }
}

/** A short description of an outcome for assertion messages. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.ok) return 'success';
  const { error } = outcome;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
