import type { CommandContext } from '../cli/context.js';
import { usageError } from '../errors.js';
import { describeError } from '../output/describe-error.js';
import type { AuditFailedJson } from './json-shapes.js';
import { auditOffThread, canAuditOffThread } from './off-thread.js';
import type { AuditFormat, AuditOptions } from './options.js';

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
    const { defaultPolicyFile, writeStarterPolicy } = await import('./policy-file.js');
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
    return await (await import('./run.js')).audit(context, options, format);
  } catch (error) {
    // A script reading --json learns why there is no report, in the shape it already reads.
    if (format === 'json') {
      const described = describeError(error);
      const json: AuditFailedJson = {
        failed: true,
        exitCode: described.exitCode,
        error: described.message,
      };
      context.output.printJson(json);
    }
    throw error;
  }
}
