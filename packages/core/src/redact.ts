/**
 * Allow-list redaction, after Azure's `Sanitizer`: a header or query parameter is shown only when
 * it is known to be harmless, so a vendor adding a new secret header fails safe.
 */

/** Header names (lower case) whose values are shown in errors and logs by default. */
export const defaultAllowedHeaderNames: readonly string[] = [
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-version',
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'etag',
  'expires',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'last-modified',
  'location',
  'pragma',
  'request-id',
  'retry-after',
  'server',
  'transfer-encoding',
  'user-agent',
  'x-correlation-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-request-id',
];

/** Query parameter names whose values are shown in errors and logs by default. */
export const defaultAllowedQueryParameters: readonly string[] = [
  'page',
  'perPage',
  'per_page',
  'pageSize',
  'limit',
  'offset',
  'sort',
  'sortField',
  'sortDirection',
  'order',
  'filterField',
];

/** What a client may show besides the defaults. */
export interface RedactionOptions {
  /**
   * Extra header names (case-insensitive) whose values may appear in errors and logs.
   * @default []
   */
  allowedHeaderNames?: readonly string[] | undefined;
  /**
   * Extra query parameter names (case-sensitive) whose values may appear in errors and logs.
   * @default []
   */
  allowedQueryParameters?: readonly string[] | undefined;
}

/** Redacts headers, URLs and free text for errors and log lines. */
export interface Redactor {
  /** A plain object of the headers, values outside the allow-list replaced by `REDACTED`. */
  headers(headers: Headers): Record<string, string>;
  /** The URL with credentials and non-allow-listed query values replaced by `REDACTED`. */
  url(url: string): string;
}

const REDACTED = 'REDACTED';

/** Creates a {@link Redactor} from the defaults plus the client's additions. */
export function createRedactor(options: RedactionOptions = {}): Redactor {
  const headerNames = new Set(
    [...defaultAllowedHeaderNames, ...(options.allowedHeaderNames ?? [])].map((name) =>
      name.toLowerCase(),
    ),
  );
  const queryNames = new Set([
    ...defaultAllowedQueryParameters,
    ...(options.allowedQueryParameters ?? []),
  ]);
  return {
    headers(headers) {
      const result: Record<string, string> = {};
      for (const [name, value] of headers) {
        if (name === 'authorization' || name === 'proxy-authorization') {
          result[name] = redactAuthorization(value);
        } else {
          result[name] = headerNames.has(name) ? value : REDACTED;
        }
      }
      return result;
    },
    url(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return '[invalid URL]';
      }
      if (parsed.username) parsed.username = REDACTED;
      if (parsed.password) parsed.password = REDACTED;
      if (parsed.search) {
        const redacted = new URLSearchParams();
        for (const [name, value] of parsed.searchParams) {
          redacted.append(name, queryNames.has(name) ? value : REDACTED);
        }
        parsed.search = redacted.toString();
      }
      return parsed.href;
    },
  };
}

/** `Bearer abc` becomes `Bearer [REDACTED]`: the scheme helps debugging, the credential never shows. */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} [REDACTED]` : '[REDACTED]';
}

/** Replaces every occurrence of each secret in `text`; secrets shorter than 4 characters are ignored. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first: a secret that contains another must not be left half-scrubbed.
  const ordered = secrets.length > 1 ? [...secrets].sort((a, b) => b.length - a.length) : secrets;
  for (const secret of ordered) {
    if (secret.length >= 4) result = result.replaceAll(secret, '[REDACTED]');
  }
  return result;
}
