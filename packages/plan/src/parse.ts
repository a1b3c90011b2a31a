import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { FilePlace } from './checks.js';
import { checkKeys, Issues, isRecord, show } from './checks.js';
import { TokensFileError } from './errors.js';
import type { TokensFile } from './types.js';
import { instanaEntries } from './validate-instana.js';
import { losantEntries } from './validate-losant.js';
import { pruneScopes } from './validate-prune.js';

/** The keys at the top of a tokens file. */
export const topLevelKeys = ['version', 'losant', 'instana', 'prune'] as const;

/** The file's contents as data: YAML 1.2 (JSON is YAML too), duplicate keys refused. */
function load(source: string, file: string): unknown {
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new TokensFileError(
      file,
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}` : '';
        const message = (error.message.split('\n')[0] ?? error.code).replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        return { path: where, message };
      }),
    );
  }
  return document.toJS({ maxAliasCount: 100 });
}

/**
 * Checks a tokens file's text and resolves it: every problem is reported at once, each under
 * the entry and field it is in (`losant[4] (p-new).scope[0]`), with "did you mean" for a
 * misspelt key, scope or permission. Paths are resolved against `folder`.
 *
 * @param file - how messages name the file
 * @param folder - the folder relative paths in the file start from
 * @throws TokensFileError for anything the format does not allow.
 */
export function parseTokensFile(source: string, file: string, folder: string): TokensFile {
  const data = load(source, file);
  const issues = new Issues();
  if (!isRecord(data)) {
    throw new TokensFileError(file, [
      { path: '', message: 'must be a mapping with version: 1 and losant and/or instana lists' },
    ]);
  }
  checkKeys(data, topLevelKeys, '', issues);
  if (data.version !== 1) issues.add('version', `must be 1, got ${show(data.version)}`);
  const place: FilePlace = { folder, resolve: (relative) => resolve(folder, relative) };
  const parsed: TokensFile = {
    losant: losantEntries(data.losant, place, issues),
    instana: instanaEntries(data.instana, place, issues),
    prune: pruneScopes(data.prune, issues),
  };
  if (issues.list.length > 0) throw new TokensFileError(file, issues.list);
  return parsed;
}

/**
 * Reads and checks a tokens file; relative paths in it start from its own folder.
 * @throws TokensFileError when it cannot be read or is not a valid tokens file.
 */
export async function readTokensFile(path: string): Promise<TokensFile> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TokensFileError(path, [{ path: '', message: `cannot read it (${code})` }]);
  }
  return parseTokensFile(source, path, dirname(resolve(path)));
}
