import type { AuditScopeOptions } from './plan.js';
import type { FailOn } from './severity.js';

/** The output formats of `tokenkit audit`. */
export const auditFormats = ['table', 'json', 'markdown', 'junit', 'html'] as const;

/** One of {@link auditFormats}. */
export type AuditFormat = (typeof auditFormats)[number];

/** Options of `tokenkit audit`. */
export interface AuditOptions extends AuditScopeOptions {
  expiringWithin: string;
  failOn: FailOn;
  json?: boolean | undefined;
  format?: AuditFormat | undefined;
  /** At most this many requests in flight. */
  concurrency: number;
  policy?: string | undefined;
  /** `--all`: every finding at a terminal, not a summary of a large audit. */
  all?: boolean | undefined;
  /** `--init-policy [file]`: `true` when given without a file. */
  initPolicy?: string | boolean | undefined;
}
