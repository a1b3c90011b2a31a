import { describeError, type Vendor } from '../output/describe-error.js';

/**
 * What a credential's check found: it works (`valid`), it authenticates but a route it was tried
 * on refused it (`limited`, a 403), the server refused it (`invalid`, a 401), or no answer came
 * (`unreachable`); `error` for any other failure.
 */
export type Verdict = 'valid' | 'limited' | 'invalid' | 'unreachable' | 'error';

/** One route tried: whose tokens, which actions the credential may run there, or why not. */
export interface Probe {
  owner: string;
  verdict: Verdict;
  actions: string[];
  error?: string;
}

function errorVerdict(error: unknown): Verdict {
  // The CLI wraps a Losant 403 to name the scopes it needs; the HTTP status is on its cause.
  const shape = error as { name?: unknown; status?: unknown; cause?: { status?: unknown } } | null;
  const status = shape?.status ?? shape?.cause?.status;
  if (status === 401) return 'invalid';
  if (status === 403) return 'limited';
  if (shape?.name === 'ConnectionError' || shape?.name === 'TimeoutError') return 'unreachable';
  return 'error';
}

/** Runs one read and records what it says about the credential. */
export async function probe(
  owner: string,
  actions: string[],
  run: () => Promise<unknown>,
  vendor: Vendor,
): Promise<Probe> {
  try {
    await run();
    return { owner, verdict: 'valid', actions };
  } catch (error) {
    const { message } = describeError(error, vendor);
    return { owner, verdict: errorVerdict(error), actions: [], error: message };
  }
}

const worstFirst: readonly Verdict[] = ['unreachable', 'invalid', 'error', 'limited', 'valid'];

/** The verdict of a vendor: the worst of its probes. */
export function overall(probes: readonly Probe[]): Verdict {
  return worstFirst.find((verdict) => probes.some((entry) => entry.verdict === verdict)) ?? 'error';
}
