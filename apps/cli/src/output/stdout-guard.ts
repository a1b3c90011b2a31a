let held = 0;

/**
 * While a secret is written to stdout, stdout's errors belong to that delivery (which fails and
 * undoes the rotation), not to bin.ts's quiet exit on a closed pipe. Returns the release.
 */
export function holdStdoutErrors(): () => void {
  held += 1;
  let released = false;
  return () => {
    if (!released) held -= 1;
    released = true;
  };
}

/** Whether a delivery is handling stdout's errors itself. */
export function stdoutErrorsHeld(): boolean {
  return held > 0;
}
