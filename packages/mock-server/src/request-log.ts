import type { RequestLogEntry } from './types.js';

/** A log entry while its request is in flight: status and fault are filled in as it ends. */
export type MutableLogEntry = {
  -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K];
};

/** The bounded request log behind `mock.requests`. */
export interface RequestLog {
  /** Appends an entry (forgetting the oldest past the limit) and returns it for later updates. */
  add(entry: MutableLogEntry): MutableLogEntry;
  /** Shallow copies of the kept entries, oldest first. */
  snapshot(): RequestLogEntry[];
  clear(): void;
}

/** Creates a request log keeping at most `limit` entries. */
export function createRequestLog(limit: number): RequestLog {
  let entries: MutableLogEntry[] = [];
  return {
    add(entry) {
      entries.push(entry);
      // Trim in batches so a long benchmark run does not copy the array on every request.
      if (entries.length >= limit * 2) entries = entries.slice(entries.length - limit);
      return entry;
    },
    snapshot: () =>
      entries.slice(Math.max(0, entries.length - limit)).map((entry) => ({ ...entry })),
    clear() {
      entries = [];
    },
  };
}
