import type { ClientHooks, Logger } from '@tokenkit/losant';
import { humanDuration } from '../output/human-duration.js';
import type { Output } from '../output/output.js';
import { createProgress } from '../output/progress.js';

/** How the vendor clients of this run behave, from the global options. */
export interface HttpSettings {
  /** `--timeout`: milliseconds one attempt may take; the SDK's default when absent. */
  timeoutMs?: number | undefined;
  /** `--verbose` or `TOKENKIT_DEBUG=api`: one stderr line per HTTP attempt. */
  verbose: boolean;
}

/**
 * The client options both vendor packages take that the CLI sets. No `fetch`: the CLI runs on
 * core's default transport, and observes it through hooks.
 */
export interface CliClientOptions {
  timeout?: number;
  logger?: Logger;
  hooks: ClientHooks;
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
 * line when the answer comes (or the call fails). Off a terminal (a pipe, a CI log) it stays
 * quiet. Built on the client's hooks, whose events hold only redacted request data.
 */
export function waitingIndicator(output: Output, vendor: string): ClientHooks {
  const progress = createProgress(output);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = undefined;
    progress.done();
  };
  return {
    beforeAttempt: ({ request }) => {
      clearTimeout(timer);
      const path = new URL(request.url).pathname;
      timer = setTimeout(
        () => progress.update(`Waiting for ${vendor}: ${request.method} ${path}…`),
        slowAfterMs,
      );
    },
    afterResponse: settle,
    beforeRetry: ({ reason, delayMs }) => {
      settle();
      progress.update(`${vendor} answered ${reason}; trying again in ${humanDuration(delayMs)}…`);
    },
    beforeError: settle,
  };
}

/** The logger, hooks and timeout a vendor client gets for this run's settings. */
export function clientOptions(
  output: Output,
  http: HttpSettings,
  vendor: 'Losant' | 'Instana',
): CliClientOptions {
  return {
    ...(http.timeoutMs === undefined ? {} : { timeout: http.timeoutMs }),
    ...(http.verbose ? { logger: verboseLogger(output) } : {}),
    hooks: waitingIndicator(output, vendor),
  };
}
