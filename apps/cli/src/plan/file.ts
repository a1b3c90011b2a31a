import type { TokensFile } from '@tokenkit/plan';
import type { CommandContext } from '../cli/context.js';
import { usageError } from '../errors.js';
import { sanitize } from '../output/sanitize.js';

/**
 * Reads and checks the tokens file; a bad one lists every problem on stderr and exits 2
 * before any request is sent.
 */
export async function loadTokensFile(context: CommandContext, path: string): Promise<TokensFile> {
  const { readTokensFile, TokensFileError } = await import('@tokenkit/plan');
  try {
    return await readTokensFile(path);
  } catch (error) {
    if (!(error instanceof TokensFileError)) throw error;
    for (const issue of error.issues) {
      const where = issue.path === '' ? '' : `${issue.path}: `;
      context.output.note(`  ${sanitize(where + issue.message)}`);
    }
    const count = error.issues.length;
    throw usageError(
      `${path} is not a valid tokens file (${count} problem${count === 1 ? '' : 's'}, listed above)`,
      'see the tokens file format in the README, or its JSON Schema in @tokenkit/plan',
    );
  }
}
