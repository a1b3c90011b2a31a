/**
 * Small, dependency-free statistics for benchmark samples.
 * Every figure in the report is a median with a spread, never a single run.
 */

/**
 * The q-quantile of a list of numbers (linear interpolation between closest ranks).
 * @param {number[]} values
 * @param {number} q between 0 and 1
 * @returns {number}
 */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * @typedef {object} Summary
 * @property {number} n number of samples
 * @property {number} median
 * @property {number} p25
 * @property {number} p75
 * @property {number} min
 * @property {number} max
 * @property {number[]} samples the raw samples, in the order they were taken
 */

/**
 * Median, quartiles and range of a list of samples.
 * @param {number[]} samples
 * @returns {Summary}
 */
export function summarize(samples) {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p25: quantile(samples, 0.25),
    p75: quantile(samples, 0.75),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
  };
}

/**
 * Ratio of medians (a / b), plus the spread of the per-round ratios when both lists were
 * taken in the same interleaved rounds (sample i of a beside sample i of b).
 * @param {number[]} a
 * @param {number[]} b
 * @returns {{ ratio: number, perRound: Summary | undefined }}
 */
export function ratioOfMedians(a, b) {
  const ratio = quantile(a, 0.5) / quantile(b, 0.5);
  const perRound =
    a.length === b.length && a.length > 0 ? summarize(a.map((x, i) => x / b[i])) : undefined;
  return { ratio, perRound };
}

/**
 * Order of contenders for round `round`: a rotation, so each contender goes first, second,
 * ... equally often and no one always runs on a cold or a hot machine (ABC, BCA, CAB, ...).
 * @template T
 * @param {T[]} items
 * @param {number} round
 * @returns {T[]}
 */
export function rotate(items, round) {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Elapsed milliseconds since a `process.hrtime.bigint()` mark. */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
