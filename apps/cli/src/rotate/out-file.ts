import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { DeliveryError } from './delivery-error.js';

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/**
 * Refuses, before a replacement is created, an `--out` path whose folder is missing (or not a
 * folder), a path that is a folder, and an existing file (a symlink included) without
 * `--force`. The write itself re-checks what matters without a race (see {@link writeSecretFile}).
 */
export async function precheckOutFile(path: string, force: boolean): Promise<void> {
  const folder = dirname(resolve(path));
  const folderStat = await stat(folder).catch((error: unknown) => code(error));
  if (folderStat === 'ENOENT') {
    throw usageError(`--out ${path}: the folder ${folder} does not exist`, 'create it first');
  }
  if (typeof folderStat === 'string' || !folderStat.isDirectory()) {
    const why = typeof folderStat === 'string' ? folderStat : 'not a folder';
    throw usageError(`--out ${path}: cannot use the folder ${folder} (${why})`);
  }
  const target = await lstat(path).catch(() => undefined);
  if (target?.isDirectory()) {
    throw usageError(`--out ${path} is a folder`, 'name the file to write the secret to');
  }
  if (target !== undefined && !force) {
    throw usageError(`--out ${path} already exists`, 'pass --force to replace it');
  }
}

function describeWriteError(path: string, error: unknown): DeliveryError {
  const why =
    {
      EEXIST: 'a file appeared there after tokenkit checked (pass --force to replace it)',
      EISDIR: 'it is a folder',
    }[code(error)] ?? code(error);
  return new DeliveryError(`cannot write --out ${path}: ${why}`);
}

/**
 * Writes the secret to a new file in the target's folder (mode 0600 from creation, flushed to
 * disk), then puts that file in place: with `force`, `rename` (which replaces a symlink itself,
 * never what it points to, and leaves no old mode or inode behind); without, `link`, which fails
 * when anything exists there by now. `beforePlacing` runs last, so a signal can still stop it.
 */
export async function writeSecretFile(
  path: string,
  force: boolean,
  secret: string,
  beforePlacing: () => void,
): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.chmod(0o600); // the umask may only have taken bits away; make it exact
      await file.writeFile(`${secret}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    beforePlacing();
    if (force) await rename(temp, target);
    else await link(temp, target);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code ? describeWriteError(path, error) : error;
  } finally {
    await rm(temp, { force: true });
  }
}
