import { auditOffThread, canAuditOffThread } from '../audit/off-thread.js';
import type { AuditScopeOptions } from '../audit/plan.js';
import type { FailOn } from '../audit/severity.js';
import type { CommandContext } from '../commands/context.js';
import { usageError } from '../errors.js';
import { describeError } from '../output/describe-error.js';

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

function formatOf(options: AuditOptions): AuditFormat {
  if (options.json && options.format !== undefined && options.format !== 'json') {
    throw usageError(`--json and --format ${options.format} disagree; give one of them`);
  }
  return options.json ? 'json' : (options.format ?? 'table');
}

/**
 * `tokenkit audit`: every configured vendor and owner in one report. Exits 1 when a finding
 * reaches `--fail-on`; when an owner could not be audited, exits with that error's code (3 for
 * 401/403, else 1) whatever `--fail-on` says: an incomplete audit must not pass a CI gate. Your
 * own user tokens, read without being asked for, are skipped with a warning when the credential
 * may not read them.
 */
export async function runAudit(context: CommandContext, options: AuditOptions): Promise<number> {
  const format = formatOf(options);
  if (options.initPolicy !== undefined && options.initPolicy !== false) {
    const { defaultPolicyFile, writeStarterPolicy } = await import('../audit/policy-file.js');
    const file = options.initPolicy === true ? defaultPolicyFile : options.initPolicy;
    await writeStarterPolicy(file);
    context.output.note(
      `Wrote ${file}: the built-in rules, ready to edit (tokenkit audit --policy ${file})`,
    );
    return 0;
  }
  try {
    // The walk, the report and the SDK load only on the thread that runs them.
    if (canAuditOffThread(context)) return await auditOffThread(context, options, format);
    return await (await import('../audit/run.js')).audit(context, options, format);
  } catch (error) {
    // A script reading --json learns why there is no report, in the shape it already reads.
    if (format === 'json') {
      const described = describeError(error);
      context.output.printJson({
        failed: true,
        exitCode: described.exitCode,
        error: described.message,
      });
    }
    throw error;
  }
}
