import { type Command, Option } from 'commander';
import { execute } from '../cli/execute.js';
import { addJsonOption, addYesOption, collect, integerAtLeast } from '../cli/options.js';

const fileHelp = 'the tokens file (YAML or JSON; paths in it are relative to its folder)';

function fileOption(command: Command): Command {
  return command.option('-f, --file <file>', fileHelp, 'tokens.yaml');
}

function concurrencyOption(command: Command, what: string, fallback: number): Command {
  return command.addOption(
    new Option('--concurrency <n>', what).argParser(integerAtLeast(1)).default(fallback),
  );
}

function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .summary('Show what apply would change to make the live tokens match a tokens file')
    .description(
      'Reads the live tokens of every owner the tokens file names and compares: create, update,\n' +
        'replace (-/+), rotate, delete (only with --prune); sends nothing that changes anything.',
    )
    .option('--prune', "plan deletes of undeclared tokens inside the file's prune scopes")
    .option('--detailed-exitcode', 'exit 0 with no changes, 2 with changes, 1 on any error');
  fileOption(plan);
  concurrencyOption(plan, 'read at most this many owners at once', 8);
  addJsonOption(plan);
  plan.action((_options, command: Command) =>
    execute(command, undefined, async (context) =>
      (await import('./run-plan.js')).runPlan(context, command.opts()),
    ),
  );
}

function registerApply(program: Command): void {
  const apply = program
    .command('apply')
    .summary('Make the live tokens match a tokens file')
    .description(
      'Makes a fresh plan, shows it, asks (at a terminal; --yes otherwise) and carries it out:\n' +
        'exactly-once creates, new secrets delivered (0600 file or a command on stdin) before\n' +
        'anything old is deleted. One failing entry does not stop the others; a re-run converges.',
    )
    .option('--prune', "delete undeclared tokens inside the file's prune scopes");
  fileOption(apply);
  concurrencyOption(apply, 'make at most this many changes at once', 4);
  addYesOption(apply);
  addJsonOption(apply);
  apply.action((_options, command: Command) =>
    execute(command, undefined, async (context) =>
      (await import('./run-apply.js')).runApply(context, command.opts()),
    ),
  );
}

function registerImport(program: Command): void {
  const command = program
    .command('import')
    .summary('Write a tokens file from the tokens that exist')
    .description(
      'Writes the live tokens as a tokens file; each deliver is left empty, marked FILL IN.',
    )
    .option('--application <id>', 'a Losant application (repeatable)', collect)
    .option('--instance <id>', 'a Losant instance (repeatable)', collect)
    .option('--user', 'your Losant user tokens')
    .option('--all-applications', 'every Losant application the token can see')
    .option('--org <id>', 'with --all-applications: only this organization’s applications')
    .option('--instana', 'the Instana tenant’s tokens')
    .option('-f, --file <file>', 'where to write it (- for stdout)', 'tokens.yaml')
    .option('--force', 'replace the file if it exists');
  command.action((_options, self: Command) =>
    execute(self, undefined, async (context) =>
      (await import('./run-import.js')).runImport(context, self.opts()),
    ),
  );
}

/** `tokenkit plan`, `tokenkit apply` and `tokenkit import`. */
export function registerPlanCommands(program: Command): void {
  registerPlan(program);
  registerApply(program);
  registerImport(program);
}
