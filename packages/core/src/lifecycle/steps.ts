import type { RequestOptions } from '../request-types.js';
import type { Removal } from './outcomes.js';
import type { TokenStore } from './types.js';

/** Deletes a token and says how that ended; a failure is a value, not a throw. */
export async function removal(
  store: TokenStore<unknown, unknown>,
  id: string,
  options: RequestOptions | undefined,
): Promise<Removal> {
  try {
    return await store.remove(id, options);
  } catch (failed) {
    return { failed };
  }
}

/** Resolves as `work` does, or rejects with `onAbort()` as soon as `signal` aborts. */
export function unlessAborted<T>(
  work: () => T | Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<T> {
  const done = Promise.resolve().then(work);
  if (signal === undefined) return done;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(onAbort());
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    done.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
