import type { ExitCode } from '../exit-codes.js';

// The report itself is `AuditReport` (report.ts), which json-report.ts writes piece by piece.

/**
 * `tokenkit audit --json` when the run fails before it can audit (a bad option, no
 * credentials): why, in the fields a report has for it.
 */
export interface AuditFailedJson {
  failed: true;
  exitCode: ExitCode;
  error: string;
}

declare module '../output/json-shapes.js' {
  interface JsonShapes {
    auditFailed: AuditFailedJson;
  }
}
