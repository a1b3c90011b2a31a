import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';

/** The command a path of names leads to (`losant tokens list`), or `undefined`. */
function findCommand(root: Command, path: readonly string[]): Command | undefined {
  let current: Command | undefined = root;
  for (const name of path) {
    current = current.commands.find(
      (command) => command.name() === name || command.aliases().includes(name),
    );
    if (!current) return undefined;
  }
  return current;
}

/**
 * `tokenkit help [command...]`: the help of any command, however deep
 * (`tokenkit help losant tokens list`). An unknown topic is a usage error (exit 2).
 */
export function registerHelpCommand(program: Command): void {
  program
    .command('help')
    .summary('Show help for a command')
    .description('Show the help of a command, e.g. `tokenkit help losant tokens list`.')
    .argument('[command...]', 'the command, as you would type it')
    .action((path: string[]) => {
      const target = findCommand(program, path);
      if (!target) {
        program.error(`error: no help topic "${path.join(' ')}" — see \`tokenkit --help\``, {
          exitCode: ExitCode.usage,
          code: 'tokenkit.unknownHelpTopic',
        });
      }
      target.outputHelp();
    });
}
