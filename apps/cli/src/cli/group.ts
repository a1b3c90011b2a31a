import type { Command } from 'commander';

/** The part of commander's `Command` that reports an unknown subcommand with a suggestion. */
interface ReportsUnknownCommand {
  unknownCommand(): never;
}

/**
 * A command that only holds subcommands (`tokenkit losant`, `tokenkit losant tokens`). Given
 * nothing else it prints its help to stdout and exits 0, as `tokenkit` alone does; an unknown
 * word is commander's usual "unknown command … Did you mean …?" (exit 2).
 */
export function group(
  parent: Command,
  name: string,
  summary: string,
  description: string,
): Command {
  return parent
    .command(name)
    .summary(summary)
    .description(description)
    .allowExcessArguments()
    .action(function (this: Command) {
      // commander 15 keeps this method off its typings; it is the message its own groups print.
      if (this.args.length > 0) (this as unknown as ReportsUnknownCommand).unknownCommand();
      this.outputHelp();
    });
}

/** A leaf command whose one-line summary is also its description. */
export function leaf(parent: Command, name: string, summary: string, details?: string): Command {
  return (
    parent
      .command(name)
      .summary(summary)
      .description(details ? `${summary}. ${details}` : `${summary}.`)
      // A group allows extra words (to report them itself); its leaves must not inherit that.
      .allowExcessArguments(false)
  );
}
