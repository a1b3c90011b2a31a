import type { FetchFunction, Logger } from '@tokenkit/losant';
import type { HttpSettings } from '../commands/context.js';
import { humanDuration } from '../output/human-duration.js';
import type { Output } from '../output/output.js';
import { createProgress } from '../output/progress.js';

/** The client options both vendor packages take that the CLI sets. */
export interface CliClientOptions {
  timeout?: number;
  logger: Logger;
  fetch: FetchFunction;
}

/** A request taking longer than this gets a "waiting for …" line at a terminal. */
const slowAfterMs = 1_500;

function detail(details: Record<string, unknown> | undefined, key: string): unknown {
  return details?.[key];
}

/**
 * `--verbose` lines from the SDK's logger: one per attempt (method, redacted URL, status,
 * time) and one per retry (why, and how long the wait). Core never puts a secret in them.
 */
export function verboseLogger(output: Output): Logger {
  const dim = output.errorColor.dim;
  return {
    debug: (message, details) => {
      const ms = detail(details, 'durationMs');
      output.note(dim(`api: ${message}${typeof ms === 'number' ? ` in ${ms} ms` : ''}`));
    },
    info: (message) => output.note(dim(`api: ${message}`)),
  };
}

/**
 * At a terminal, says on stderr what a slow or retried request is waiting for, and clears the
 * line when the answer comes. Off a terminal (a pipe, a CI log) it stays quiet.
 */
function waitingIndicator(output: Output, vendor: string) {
  const progress = createProgress(output);
  const fetchWithNotice: FetchFunction = async (input, init) => {
    const path = new URL(input.url).pathname;
    const timer = setTimeout(
      () => progress.update(`Waiting for ${vendor}: ${input.method} ${path}…`),
      slowAfterMs,
    );
    try {
      return await globalThis.fetch(input, init);
    } finally {
      clearTimeout(timer);
      progress.done();
    }
  };
  const onRetry = (details: Record<string, unknown> | undefined) => {
    const wait = detail(details, 'waitMs');
    const reason = detail(details, 'reason');
    const when = typeof wait === 'number' ? ` in ${humanDuration(wait)}` : '';
    progress.update(`${vendor} answered ${String(reason)}; trying again${when}…`);
  };
  return { fetchWithNotice, onRetry };
}

/** The logger, fetch and timeout a vendor client gets for this run's settings. */
export function clientOptions(
  output: Output,
  http: HttpSettings,
  vendor: 'Losant' | 'Instana',
): CliClientOptions {
  const { fetchWithNotice, onRetry } = waitingIndicator(output, vendor);
  const verbose = http.verbose ? verboseLogger(output) : undefined;
  const logger: Logger = {
    ...(verbose ? { debug: verbose.debug } : {}),
    info: (message, details) => {
      verbose?.info?.(message, details);
      onRetry(details);
    },
  };
  return {
    ...(http.timeoutMs === undefined ? {} : { timeout: http.timeoutMs }),
    logger,
    fetch: fetchWithNotice,
  };
}
