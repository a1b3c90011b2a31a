import { ExitCode } from './exit-codes.js';

/**
 * An error the CLI itself raises, carrying the exit code to end with and an optional hint
 * saying what to do about it.
 */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: ExitCode; hint?: string; cause?: unknown }) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** A mistake on the command line: exits 2. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, { exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });
}

/** Missing or unusable credentials: exits 3. */
export function authError(message: string, hint?: string): CliError {
  return new CliError(message, { exitCode: ExitCode.auth, ...(hint ? { hint } : {}) });
}
