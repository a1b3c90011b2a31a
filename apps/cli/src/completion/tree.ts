import type { Command } from 'commander';

/** One command as completion sees it: its path, subcommands and flags. */
export interface CompletionNode {
  /** Words after `tokenkit`, e.g. `losant tokens`; empty for the program itself. */
  path: string;
  summary: string;
  commands: { name: string; summary: string }[];
  flags: string[];
}

/** Every command of the tree, parents first, as completion scripts need them. */
export function completionNodes(command: Command, path: string[] = []): CompletionNode[] {
  const flags = [...command.options, command.createHelp().visibleOptions(command)]
    .flat()
    .map((option) => option.long)
    .filter((flag): flag is string => Boolean(flag));
  const node: CompletionNode = {
    path: path.join(' '),
    summary: command.summary() || command.description(),
    commands: command.commands.map((child) => ({ name: child.name(), summary: child.summary() })),
    flags: [...new Set(flags)],
  };
  return [
    node,
    ...command.commands.flatMap((child) => completionNodes(child, [...path, child.name()])),
  ];
}
