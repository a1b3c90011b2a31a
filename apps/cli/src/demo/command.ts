import type { Command } from 'commander';
import { execute } from '../cli/execute.js';

/**
 * `tokenkit demo`. It runs tokenkit's own commands, each through a new command tree made by
 * `createProgram` (passed in, so that the demo need not import the program that registers it).
 */
export function registerDemoCommand(program: Command, createProgram: () => Command): void {
  program
    .command('demo')
    .summary('Walk a whole token lifecycle on both vendors against a built-in mock server')
    .description(
      'Starts an in-memory mock of the Losant and Instana token APIs on 127.0.0.1 and runs ' +
        "tokenkit's own commands against it: create, list with pagination, rotate with --exec, " +
        'update, audit, delete.\n\nNeeds no account and no credentials; nothing leaves this machine.',
    )
    .action((_options, command: Command) =>
      execute(command, undefined, async (context) =>
        (await import('./run-demo.js')).runDemo(context, createProgram),
      ),
    );
}
