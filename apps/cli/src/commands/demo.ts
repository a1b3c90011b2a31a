import type { Command } from 'commander';
import { execute } from './execute.js';

/** `tokenkit demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .summary('Walk a whole token lifecycle on both vendors against a built-in mock server')
    .description(
      'Starts an in-memory mock of the Losant and Instana token APIs on 127.0.0.1 and runs ' +
        "tokenkit's own commands against it: create, list with pagination, update, audit, " +
        'delete.\n\nNeeds no account and no credentials; nothing leaves this machine.',
    )
    .action((_options, command: Command) =>
      execute(command, undefined, async (context) =>
        (await import('../actions/demo.js')).runDemo(context),
      ),
    );
}
