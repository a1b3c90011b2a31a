import type { RedactedRequest, ValidationIssue } from './errors.js';
import { maxJsonDepth } from './json-depth.js';
import { scrubSecrets } from './redact.js';

const tooDeep = `[nested deeper than ${maxJsonDepth} levels]`;

/**
 * A copy of a parsed JSON value with every secret replaced in every string, keys included.
 * Walking the value (not its JSON text) also finds secrets JSON would escape (`"`, `\`). What
 * nests deeper than {@link maxJsonDepth} is replaced by a placeholder, so nothing is left
 * unscrubbed and a hostile body cannot exhaust the stack.
 */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxJsonDepth) return tooDeep;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, secrets, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[scrubSecrets(key, secrets)] = scrubValue(item, secrets, depth + 1);
  }
  return result;
}

/** The request description with every secret scrubbed from its URL and header values. */
export function scrubRequest(
  request: RedactedRequest,
  secrets: readonly string[],
): RedactedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = scrubSecrets(value, secrets);
  }
  return { method: request.method, url: scrubSecrets(request.url, secrets), headers };
}

/**
 * Validation issues with every secret scrubbed from their messages (a schema may quote the value
 * it refused). Paths name the schema's own fields and stay readable.
 */
export function scrubIssues(
  issues: readonly ValidationIssue[],
  secrets: readonly string[],
): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path,
    message: scrubSecrets(issue.message, secrets),
  }));
}
