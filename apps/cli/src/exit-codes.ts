/**
 * The exit codes `tokenkit` promises to scripts. They are part of the public contract
 * (documented in the README); never renumber them.
 */
export const ExitCode = {
  /** Everything worked (and, for `audit`, no finding reached `--fail-on`). */
  ok: 0,
  /** `audit` found something at or above `--fail-on`, or the vendor API failed. */
  failure: 1,
  /** The command line was wrong: unknown option, bad value, missing confirmation. */
  usage: 2,
  /** Credentials are missing, rejected (401) or not allowed to do this (403). */
  auth: 3,
  /** A question was answered no (`n`, Enter, Ctrl-C or Ctrl-D): nothing was changed. */
  cancelled: 4,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
