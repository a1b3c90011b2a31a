import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { sanitize } from '../output/sanitize.js';
import { shQuote } from '../output/shell-word.js';

/**
 * Which token a command works on: the id typed as its argument, or a name given with `flag`
 * (`--name` on `get` and `delete`; `--token-name` on `update` and `rotate`, where `--name` is
 * the new name).
 */
export type TokenRef = { id: string } | { name: string; flag: NameFlag };

/** The flags that select a token by its name. */
export type NameFlag = '--name' | '--token-name';

/** The token named on the command line: exactly one of the id argument and `flag`. */
export function tokenRef(
  id: string | undefined,
  name: string | undefined,
  idName: string,
  flag: NameFlag = '--name',
): TokenRef {
  if (id !== undefined && name !== undefined) {
    throw usageError(`give the token's ${idName} or ${flag}, not both`);
  }
  if (name !== undefined) {
    if (name === '') throw usageError(`${flag}: give the name of a token (got "")`);
    return { name, flag };
  }
  if (id === undefined) throw usageError(`give the token's ${idName}, or its name with ${flag}`);
  return { id };
}

/**
 * The words that name the token again in a suggested command: its id, or its name flag with
 * the name quoted for a POSIX shell.
 */
export function tokenRefWords(token: TokenRef): string {
  if ('id' in token) return sanitize(token.id);
  return `${token.flag} ${shQuote(sanitize(token.name))}`;
}

/** What a by-name lookup needs to know to say what it found. */
export interface NameLookup<T> {
  /** The token's id (Losant's id, Instana's internal id). */
  idOf(token: T): string;
  nameOf(token: T): string | undefined;
  /** Where it looked, for the messages: `application 5f0c…`, `the Instana tenant unit`. */
  where: string;
  /** The command that lists what is there. */
  listCommand: string;
}

/**
 * The id of the one token called `name` (exactly, case included). No such token is a failure
 * (exit 1, like a 404); several are refused (exit 2), listing their ids to pick from.
 */
export function idByName<T>(
  tokens: readonly T[],
  { name, flag }: { name: string; flag: NameFlag },
  lookup: NameLookup<T>,
): string {
  const matches = tokens.filter((token) => lookup.nameOf(token) === name);
  const shown = sanitize(name);
  if (matches.length === 0) {
    throw new CliError(`no token named "${shown}" in ${lookup.where}`, {
      exitCode: ExitCode.failure,
      hint: `see the names there: ${lookup.listCommand}`,
    });
  }
  if (matches.length > 1) {
    const ids = matches.map((token) => sanitize(lookup.idOf(token)));
    throw usageError(
      `${matches.length} tokens are named "${shown}" in ${lookup.where}: ${ids.join(', ')}`,
      `give the id of the one you mean instead of ${flag}`,
    );
  }
  return lookup.idOf(matches[0]!);
}
