import { readFile } from 'node:fs/promises';
import { usageError } from './errors.js';
import { readStdinText, type TokenInput } from './stdin.js';

/** System error codes a person meets when reading a file, in plain words. */
const fileProblems: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many files are open',
};

/**
 * Reads a text file named by `flag`, or standard input when the name is `-`. A failure is a
 * usage error in plain words ("there is no such file"), never a bare `ENOENT`.
 */
export async function readTextFile(file: string, flag: string, stdin: TokenInput): Promise<string> {
  if (file === '-') {
    if (stdin.isTTY) throw usageError(`${flag} - reads standard input, but it is a terminal`);
    return readStdinText(stdin);
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw usageError(
      `cannot read ${flag} ${file}: ${fileProblems[code] ?? 'the file cannot be read'}`,
    );
  }
}
