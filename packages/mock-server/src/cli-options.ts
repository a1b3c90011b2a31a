import { parseArgs } from 'node:util';
import type { Faults, MockServerOptions, MockStore } from './types.js';

/** What the `tokenkit-mock` command line asks for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'run';
      readonly json: boolean;
      readonly options: MockServerOptions;
      /** Installs the faults the flags describe. */
      readonly applyFaults: (faults: Faults) => void;
      /** Adds the applications (and their tokens) the flags ask for. */
      readonly seedStore: (store: MockStore) => void;
    };

/** The `--help` text. */
export const USAGE = `Usage: tokenkit-mock [options]

Starts a local Losant + IBM Instana API-token mock server and prints its URL and credentials.
Stops on SIGINT or SIGTERM.

Server:
  --port <n>               port to listen on (default 0: a free port)
  --host <host>            interface to listen on (default 127.0.0.1)
  --rate-limit <n>         Instana calls per API token per hour (default 5000)
  --seed <value>           make ids and credentials deterministic
  --json                   print {url, losant, instana} as one JSON line

Data:
  --applications <n>       add n Losant applications owned by the seeded user
  --tokens-per-application <m>
                           give each of them m API tokens (default 0)

Faults (--route/--method narrow every fault flag below):
  --route <route>          a path pattern (/me/tokens, /applications/:id/tokens/*) or an
                           operation name (applicationApiTokens.post, getApiTokens)
  --method <method>        only this HTTP method
  --latency <ms>           delay every matching request
  --fail-next <n>          answer the next n matching requests with --status
  --status <code>          status for --fail-next (default 503)
  --retry-after <value>    Retry-After header for --fail-next
  --rate-limit-reset <s>   X-RateLimit-Reset (epoch seconds) for --fail-next
  --drop-next <n>          drop the next n matching connections
  --drop-when <when>       before-response (default) or mid-body
  --truncate-next <n>      cut the next n matching JSON bodies in half
  --invalid-json-next <n>  send a non-JSON body on the next n matching requests
  --html-error-next <n>    send an HTML error page on the next n matching requests
  --html-status <code>     status for --html-error-next (default 502)
  -h, --help               show this help
`;

/** The flags `parseArgs` knows. */
const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'rate-limit': { type: 'string' },
  seed: { type: 'string' },
  applications: { type: 'string' },
  'tokens-per-application': { type: 'string' },
  json: { type: 'boolean', default: false },
  route: { type: 'string' },
  method: { type: 'string' },
  latency: { type: 'string' },
  'fail-next': { type: 'string' },
  status: { type: 'string' },
  'retry-after': { type: 'string' },
  'rate-limit-reset': { type: 'string' },
  'drop-next': { type: 'string' },
  'drop-when': { type: 'string' },
  'truncate-next': { type: 'string' },
  'invalid-json-next': { type: 'string' },
  'html-error-next': { type: 'string' },
  'html-status': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Parses `tokenkit-mock`'s arguments. Throws a TypeError naming the flag on a bad value or an
 * unknown flag.
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: OPTIONS,
  });
  if (values.help) return { kind: 'help' };

  const options: { -readonly [K in keyof MockServerOptions]: MockServerOptions[K] } = {};
  if (values.port !== undefined) options.port = integer('--port', values.port);
  if (values.host !== undefined) options.host = values.host;
  if (values['rate-limit'] !== undefined) {
    options.instanaRateLimit = integer('--rate-limit', values['rate-limit']);
  }
  if (values.seed !== undefined) options.seed = values.seed;

  const dropWhen = values['drop-when'];
  if (dropWhen !== undefined && dropWhen !== 'before-response' && dropWhen !== 'mid-body') {
    throw new TypeError(`--drop-when must be before-response or mid-body, got ${dropWhen}`);
  }
  const target = {
    ...(values.route === undefined ? {} : { route: values.route }),
    ...(values.method === undefined ? {} : { method: values.method }),
  };
  const count = (flag: string, value: string | undefined): number | undefined =>
    value === undefined ? undefined : integer(flag, value);
  const latency = count('--latency', values.latency);
  const failNext = count('--fail-next', values['fail-next']);
  const status = integer('--status', values.status ?? '503');
  const retryAfter = values['retry-after'];
  const rateLimitReset = count('--rate-limit-reset', values['rate-limit-reset']);
  const dropNext = count('--drop-next', values['drop-next']);
  const truncateNext = count('--truncate-next', values['truncate-next']);
  const invalidJsonNext = count('--invalid-json-next', values['invalid-json-next']);
  const htmlErrorNext = count('--html-error-next', values['html-error-next']);
  const htmlStatus = integer('--html-status', values['html-status'] ?? '502');

  const applyFaults = (faults: Faults): void => {
    if (latency !== undefined) faults.latency({ ...target, ms: latency });
    if (failNext !== undefined) {
      faults.failNext(failNext, {
        ...target,
        status,
        ...(retryAfter === undefined ? {} : { retryAfter }),
        ...(rateLimitReset === undefined ? {} : { rateLimitReset }),
      });
    }
    if (dropNext !== undefined) {
      faults.dropNext(dropNext, {
        ...target,
        ...(dropWhen === undefined ? {} : { when: dropWhen }),
      });
    }
    if (truncateNext !== undefined) faults.truncateNext(truncateNext, target);
    if (invalidJsonNext !== undefined) faults.invalidJsonNext(invalidJsonNext, target);
    if (htmlErrorNext !== undefined) {
      faults.htmlErrorNext(htmlErrorNext, { ...target, status: htmlStatus });
    }
  };
  return { kind: 'run', json: values.json, options, applyFaults, seedStore: storeSeeder(values) };
}

function storeSeeder(values: {
  applications?: string | undefined;
  'tokens-per-application'?: string | undefined;
}): (store: MockStore) => void {
  const perApplication = values['tokens-per-application'];
  if (values.applications === undefined) {
    if (perApplication !== undefined) {
      throw new TypeError('--tokens-per-application needs --applications');
    }
    return () => {};
  }
  const count = integer('--applications', values.applications);
  const tokensEach =
    perApplication === undefined ? 0 : integer('--tokens-per-application', perApplication);
  return (store) => {
    store.losant.addApplications(count, { tokensEach });
  };
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new TypeError(`${flag} must be a non-negative integer, got ${value}`);
  }
  return Number(value);
}
