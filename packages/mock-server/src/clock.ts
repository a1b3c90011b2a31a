/** The server's notion of "now", in epoch milliseconds. */
export type Clock = () => number;

/** Wraps the `now` option (a Date or a number source) into a millisecond clock. */
export function createClock(now?: () => Date | number): Clock {
  if (now === undefined) return Date.now;
  return () => {
    const value = now();
    return typeof value === 'number' ? value : value.getTime();
  };
}
