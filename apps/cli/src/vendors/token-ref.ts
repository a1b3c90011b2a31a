import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { sanitize } from '../output/sanitize.js';

/** Which token a command works on: the id typed as its argument, or `--name`. */
export type TokenRef = { id: string } | { name: string };

/** The token named on the command line: exactly one of the id argument and `--name`. */
export function tokenRef(
  id: string | undefined,
  name: string | undefined,
  idName: string,
): TokenRef {
  if (id !== undefined && name !== undefined) {
    throw usageError(`give the token's ${idName} or --name, not both`);
  }
  if (name !== undefined) {
    if (name === '') throw usageError('--name: give the name of a token (got "")');
    return { name };
  }
  if (id === undefined) throw usageError(`give the token's ${idName}, or its name with --name`);
  return { id };
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
export function idByName<T>(tokens: readonly T[], name: string, lookup: NameLookup<T>): string {
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
      'give the id of the one you mean instead of --name',
    );
  }
  return lookup.idOf(matches[0]!);
}
