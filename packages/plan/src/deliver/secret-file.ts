import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { codeOf, DeliveryError, interrupted } from './errors.js';

/** How a secret file is written. */
export interface SecretFileOptions {
  /** How messages name the file: `--out ./secret`, or the path itself. @default the path */
  readonly name?: string | undefined;
  /**
   * Whether an existing file (a symlink included) is replaced; without, it is refused, and one
   * that appears between the check and the write is never overwritten.
   * @default false
   */
  readonly replace?: boolean | undefined;
  /** Added to the message when a file appeared in the way: `pass --force to replace it`. */
  readonly existsHint?: string | undefined;
  /** Whether a missing folder is created (mode 0700) rather than refused. @default false */
  readonly createFolders?: boolean | undefined;
  /** Aborted (by a signal to the process): the file is not put in place. @default undefined */
  readonly signal?: AbortSignal | undefined;
}

async function checkFolder(path: string, name: string, options: SecretFileOptions) {
  const folder = dirname(resolve(path));
  if (options.createFolders) {
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw new DeliveryError(`cannot create the folder of ${name}: ${codeOf(error)}`);
    });
  }
  const folderStat = await stat(folder).catch((error: unknown) => codeOf(error));
  if (folderStat === 'ENOENT') {
    throw new DeliveryError(`${name}: the folder ${folder} does not exist`, 'missing-folder');
  }
  if (typeof folderStat === 'string' || !folderStat.isDirectory()) {
    const why = typeof folderStat === 'string' ? folderStat : 'not a folder';
    throw new DeliveryError(`${name}: cannot use the folder ${folder} (${why})`, 'not-a-folder');
  }
}

/**
 * Refuses, before a token is created for it, a secret file whose folder is missing (unless
 * `createFolders`) or not a folder, a path that is a folder, and an existing file without
 * `replace`. {@link writeSecretFile} re-checks what matters without a race.
 * @throws DeliveryError whose `problem` says what was wrong.
 */
export async function prepareSecretFile(
  path: string,
  options: SecretFileOptions = {},
): Promise<void> {
  const name = options.name ?? path;
  await checkFolder(path, name, options);
  const target = await lstat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new DeliveryError(`${name} is a folder`, 'is-a-folder');
  if (target !== undefined && !options.replace) {
    throw new DeliveryError(`${name} already exists`, 'exists');
  }
}

function writeFailure(name: string, error: unknown, options: SecretFileOptions): DeliveryError {
  const why =
    {
      EEXIST: `a file appeared there after tokenkit checked${options.existsHint ? ` (${options.existsHint})` : ''}`,
      EISDIR: 'it is a folder',
    }[codeOf(error)] ?? codeOf(error);
  return new DeliveryError(`cannot write ${name}: ${why}`);
}

/**
 * Writes the secret to a new file in the target's folder (mode 0600 from creation, flushed to
 * disk), then puts that file in place: with `replace`, `rename` (which replaces a symlink
 * itself, never what it points to, and leaves no old mode or inode behind); without, `link`,
 * which fails when anything exists there by now. A reader sees the old secret or the new one,
 * never half of one.
 * @throws DeliveryError naming the file and the reason, never the secret.
 */
export async function writeSecretFile(
  path: string,
  secret: string,
  options: SecretFileOptions = {},
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
    if (options.signal?.aborted) throw interrupted(options.signal);
    if (options.replace) await rename(temp, target);
    else await link(temp, target);
  } catch (error) {
    if (error instanceof DeliveryError || !(error as NodeJS.ErrnoException).code) throw error;
    throw writeFailure(options.name ?? path, error, options);
  } finally {
    await rm(temp, { force: true });
  }
}
