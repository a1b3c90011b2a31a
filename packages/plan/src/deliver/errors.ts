/** What was wrong with a secret file's path, for a caller that words it its own way. */
export type SecretFileProblem = 'missing-folder' | 'not-a-folder' | 'is-a-folder' | 'exists';

/** Why a delivery failed, in words that never hold the secret. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  /** For a path refused before anything was written: what was wrong with it. */
  readonly problem: SecretFileProblem | undefined;

  constructor(message: string, problem?: SecretFileProblem) {
    super(message);
    this.problem = problem;
  }
}

/** The delivery error for a signal that came before the secret was delivered. */
export function interrupted(signal: AbortSignal): DeliveryError {
  return new DeliveryError(
    `tokenkit received ${String(signal.reason)} before the secret was delivered`,
  );
}

/** An error's `code` (`ENOENT`), or `error` when it has none. */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}
