/** The signals that interrupt a rotation, and the exit code each ends it with (128 + number). */
const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** A signal that interrupted a rotation. */
export type Interruption = keyof typeof exitCodes;

/** What {@link watchSignals} gives: an AbortSignal, and the end of the watch. */
export interface SignalWatch {
  /** Aborted, with the signal's name as the reason, when SIGINT, SIGTERM or SIGHUP comes. */
  signal: AbortSignal;
  /** Restores the default handling (a later signal ends the process at once again). */
  stop(): void;
}

/**
 * Catches SIGINT, SIGTERM and SIGHUP for the duration of a rotation, so one cannot end tokenkit
 * half way: the delivery stops, the rotation cleans up, and the command exits with
 * {@link interruptionExitCode}. Signals after the first change nothing.
 */
export function watchSignals(): SignalWatch {
  const controller = new AbortController();
  const names = Object.keys(exitCodes) as Interruption[];
  const handlers = names.map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) controller.abort(name);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    stop() {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

/** The signal that interrupted, when one did. */
export function interruptionOf(signal: AbortSignal): Interruption | undefined {
  return signal.aborted ? (signal.reason as Interruption) : undefined;
}

/** 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
export function interruptionExitCode(interruption: Interruption): number {
  return exitCodes[interruption];
}
