import picocolors from 'picocolors';

/** A picocolors palette: one formatter per style. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** What decides whether a stream gets colour. */
export interface ColorSettings {
  /** `false` when `--no-color` was given. */
  flag?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean | undefined;
}

/**
 * Whether to colour one output stream: the `--no-color` flag, then `NO_COLOR` (any non-empty
 * value, see no-color.org), then `FORCE_COLOR` (any value but `0`/`false`), then "is this
 * stream a terminal that is not dumb". Asking for no colour always wins over forcing it.
 */
export function colorEnabled({ flag, env, isTTY }: ColorSettings): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}

/** A picocolors palette that is either live or a set of identity functions. */
export function palette(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}
