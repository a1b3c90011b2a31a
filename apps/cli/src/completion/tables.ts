import { shQuote } from '../output/shell-word.js';
import type { CompletionNode } from './tree.js';

/**
 * The shell functions bash and zsh share, as `case` tables over the command path: a path's
 * subcommands, its flags, a flag's values (`@files`, `@any` for a free value, or the words; empty:
 * the flag takes none) and its first argument's values (`@commands` for `help`). Both shells
 * read these the same way; only how they offer the words differs.
 */

function caseFunction(
  name: string,
  cases: [label: string, words: string][],
  subject = '$1',
): string {
  const lines = cases
    .filter(([, words]) => words !== '')
    .map(([label, words]) => `    ${shQuote(label)}) printf '%s\\n' ${shQuote(words)} ;;`);
  return `${name}() {\n  case "${subject}" in\n${lines.join('\n')}\n  esac\n}`;
}

function valueWords(values: CompletionNode['argument']): string {
  if (values === undefined) return '@any';
  if (values === 'files') return '@files';
  if (values === 'commands') return '@commands';
  return values.join(' ');
}

/** The four tables, for `nodes`; `describe` adds each word's description (zsh's `name:text`). */
export function tables(nodes: readonly CompletionNode[], describe: boolean): string {
  const described = (name: string, text: string) =>
    describe ? `${name.replaceAll(':', '\\:')}:${text.replaceAll('\n', ' ')}` : name;
  const join = describe ? '\n' : ' ';
  return [
    caseFunction(
      '_tokenkit_commands',
      nodes.map((node) => [
        node.path,
        node.commands.map((child) => described(child.name, child.summary)).join(join),
      ]),
    ),
    caseFunction(
      '_tokenkit_flags',
      nodes.map((node) => [
        node.path,
        node.flags
          .flatMap((flag) => flag.names.map((name) => described(name, flag.description)))
          .join(join),
      ]),
    ),
    caseFunction(
      '_tokenkit_value',
      nodes.flatMap((node) =>
        node.flags
          .filter((flag) => flag.takesValue)
          .flatMap((flag) =>
            flag.names.map((name): [string, string] => [
              `${node.path}|${name}`,
              valueWords(flag.values),
            ]),
          ),
      ),
      '$1|$2',
    ),
    caseFunction(
      '_tokenkit_argument',
      nodes
        .filter((node) => node.argument !== undefined)
        .map((node) => [node.path, valueWords(node.argument)]),
    ),
  ].join('\n');
}
