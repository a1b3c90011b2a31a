import type { Command, Option } from 'commander';
import { optionValues, type ValueCompletion, type ValueLists } from './values.js';

/** One flag as completion sees it: its names, whether it takes a value, and what that can be. */
export interface CompletionFlag {
  /** `--out`, and `-f` when it has a short name too. */
  names: string[];
  description: string;
  takesValue: boolean;
  values: ValueCompletion;
}

/** One command as completion sees it: its path, subcommands, flags and argument values. */
export interface CompletionNode {
  /** Words after `tokenkit`, e.g. `losant tokens`; empty for the program itself. */
  path: string;
  summary: string;
  commands: { name: string; summary: string }[];
  /** Its own flags, then the global ones (which commander takes after a subcommand too). */
  flags: CompletionFlag[];
  /** What its first argument completes to (`completion <shell>`); `help` takes command paths. */
  argument: ValueCompletion | 'commands';
}

function completionFlag(option: Option, lists: ValueLists): CompletionFlag {
  return {
    names: [option.long, option.short].filter((name): name is string => Boolean(name)),
    description: option.description,
    takesValue: option.required || option.optional,
    values: optionValues(option, lists),
  };
}

function argumentValues(command: Command): CompletionNode['argument'] {
  // `tokenkit help losant tokens list`: help's arguments are a path through the tree.
  if (command.name() === 'help' && command.parent && !command.parent.parent) return 'commands';
  const [first] = command.registeredArguments;
  return first?.argChoices?.length ? first.argChoices : undefined;
}

/**
 * Every command of the tree, parents first, as completion scripts need them. `global` are the
 * program's own options, offered after any subcommand.
 */
export function completionNodes(
  command: Command,
  lists: ValueLists,
  path: string[] = [],
  global: readonly CompletionFlag[] = [],
): CompletionNode[] {
  const own = [...command.options, command.createHelp().visibleOptions(command)]
    .flat()
    // Hidden options exist only to explain themselves (`update --scope`): never offered.
    .filter((option) => !option.hidden)
    .filter((option, index, all) => all.findIndex((o) => o.flags === option.flags) === index)
    .map((option) => completionFlag(option, lists));
  const seen = new Set(own.flatMap((flag) => flag.names));
  const flags = [...own, ...global.filter((flag) => !flag.names.some((name) => seen.has(name)))];
  const node: CompletionNode = {
    path: path.join(' '),
    summary: command.summary() || command.description(),
    commands: command.commands.map((child) => ({ name: child.name(), summary: child.summary() })),
    flags,
    argument: argumentValues(command),
  };
  // `--version` is the program's alone; the rest of its options work after any subcommand.
  const inherited = path.length === 0 ? own.filter((flag) => !flag.names.includes('-V')) : global;
  return [
    node,
    ...command.commands.flatMap((child) =>
      completionNodes(child, lists, [...path, child.name()], inherited),
    ),
  ];
}
