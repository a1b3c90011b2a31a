import { readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { authError, usageError } from '../errors.js';
import { type Config, configSchema } from './schema.js';

/** Whether any profile of the file holds a literal credential. */
function holdsCredential(config: Config): boolean {
  return Object.values(config.profiles).some(
    (profile) => profile.losant?.credential || profile.instana?.credential,
  );
}

/** The first problem zod found, by its path in the file; never the value, which may be secret. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the top level';
  return `${where}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads `config.yaml`: `undefined` when there is none. A file that is not YAML, or not the
 * documented shape, is a usage error naming the file and where; a file holding a literal
 * `credential:` that its group or others may read is refused (as ssh refuses such a key file),
 * without echoing it.
 */
export async function readConfig(file: string): Promise<Config | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw usageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    // YAML error messages quote the offending line, which may hold a credential: name the place only.
    data = parse(text) ?? {};
  } catch (error) {
    const line = (error as { linePos?: [{ line: number }] }).linePos?.[0]?.line;
    throw usageError(`${file} is not valid YAML${line ? ` (line ${line})` : ''}`);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) throw usageError(`${file}: ${firstIssue(parsed.error)}`);
  if (holdsCredential(parsed.data)) {
    const mode = (await stat(file)).mode & 0o777;
    if (mode & 0o077) {
      throw authError(
        `${file} holds a credential but others may read it (mode ${mode.toString(8).padStart(4, '0')})`,
        `chmod 600 ${file}, or use credentialCommand instead`,
      );
    }
  }
  return parsed.data;
}
