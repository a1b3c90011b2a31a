import { type Command, InvalidArgumentError, Option } from 'commander';

/** Accumulates a repeatable option (`--scope a --scope b`) into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a whole number ≥ `min`, or tells commander the value is invalid (exit 2). */
export function integerAtLeast(min: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    }
    return Number(value);
  };
}

/** `--json`: print the stable, documented JSON shape instead of a table. */
export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print JSON for scripts instead of a table');
}

/** `--json [fields]` for `list` and `get`: `--json name,id` prints only those token fields. */
export function addJsonFieldsOption(command: Command): Command {
  return command.option(
    '--json [fields]',
    'print JSON for scripts; name fields (--json name,id) to print only those of each token',
  );
}

/** `--token-stdin`: read the access token from stdin instead of the environment. */
export function addTokenStdinOption(command: Command, variable: string): Command {
  return command.option('--token-stdin', `read the token from stdin instead of ${variable}`);
}

/** `--yes`: skip the confirmation question of a destructive command. */
export function addYesOption(command: Command): Command {
  return command.addOption(
    new Option('-y, --yes', 'do not ask for confirmation (required when not at a terminal)'),
  );
}

/**
 * The options every token command has, listed after its own: `--json` (with fields on `list`
 * and `get`) and `--token-stdin`, which replaces `variable`.
 */
export function addCommonOptions(
  command: Command,
  variable: string,
  { fields = false }: { fields?: boolean } = {},
): Command {
  const json = fields ? addJsonFieldsOption(command) : addJsonOption(command);
  return addTokenStdinOption(json, variable);
}
