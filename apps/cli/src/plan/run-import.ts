import { open } from 'node:fs/promises';
import type { LosantOwner } from '@tokenkit/plan';
import type { CommandContext } from '../cli/context.js';
import { usageError } from '../errors.js';
import { connections } from './connect.js';

/** What `tokenkit import` reads and where it writes. */
export interface ImportFlags {
  file: string;
  force?: boolean | undefined;
  application?: string[] | undefined;
  instance?: string[] | undefined;
  user?: boolean | undefined;
  allApplications?: boolean | undefined;
  org?: string | undefined;
  instana?: boolean | undefined;
}

function owners(flags: ImportFlags): LosantOwner[] {
  return [
    ...(flags.application ?? []).map((id) => ({ kind: 'application' as const, id })),
    ...(flags.instance ?? []).map((id) => ({ kind: 'instance' as const, id })),
    ...(flags.user ? [{ kind: 'user' as const }] : []),
  ];
}

/** Writes the file without ever replacing one unless `--force`; `-` is stdout. */
async function write(context: CommandContext, flags: ImportFlags, text: string): Promise<void> {
  if (flags.file === '-') {
    context.output.streams.stdout.write(text);
    return;
  }
  try {
    const file = await open(flags.file, flags.force ? 'w' : 'wx', 0o644);
    await file.writeFile(text).finally(() => file.close());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw usageError(
        `${flags.file} already exists`,
        'pass --force to replace it, or -f another file',
      );
    }
    throw error;
  }
}

/** `tokenkit import`: a tokens file from the live tokens, deliveries left to fill in. */
export async function runImport(context: CommandContext, flags: ImportFlags): Promise<number> {
  const losant = owners(flags);
  if (flags.org !== undefined && !flags.allApplications)
    throw usageError('--org only applies to --all-applications');
  if (losant.length === 0 && !flags.allApplications && !flags.instana) {
    throw usageError(
      'name what to import',
      '--application ID, --instance ID, --user, --all-applications [--org ID] and/or --instana',
    );
  }
  const clients = await connections(context, {
    losant: losant.length > 0 || Boolean(flags.allApplications),
    instana: Boolean(flags.instana),
  });
  const { importTokens } = await import('@tokenkit/plan');
  const imported = await importTokens(clients, {
    losant,
    allApplications: flags.allApplications ? { orgId: flags.org } : undefined,
    instana: flags.instana,
  });
  await write(context, flags, imported.text);
  for (const key of imported.skipped)
    context.output.note(`skipped ${key}: another token of that owner has the same name`);
  const where = flags.file === '-' ? 'stdout' : flags.file;
  context.output.note(
    `Imported ${imported.imported} tokens to ${where}: fill in each deliver (marked FILL IN) before tokenkit apply.`,
  );
  return 0;
}
