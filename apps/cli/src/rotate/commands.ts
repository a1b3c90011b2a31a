import { type Command, Option } from 'commander';
import type { CommandContext } from '../cli/context.js';
import { execute } from '../cli/execute.js';
import { addJsonOption, addTokenStdinOption, addYesOption } from '../cli/options.js';
import type { CommandTree } from '../cli/tree.js';

const rotateHelp =
  'The replacement is created first, its secret delivered (--out, --exec, or printed once on ' +
  'stdout), and only then is the old token revoked. If delivery fails (a write error, a closed ' +
  'pipe, a failing or hung command) or SIGINT, SIGTERM or SIGHUP comes first, the replacement is ' +
  'deleted and the old token is left as it was. Revoking asks first at a terminal; scripts pass --yes.';

/** How one vendor's `tokens rotate` differs from the other's. */
interface RotateSpec {
  vendor: 'losant' | 'instana';
  /** What the replacement keeps: `scopes` or `permissions`. */
  keeps: string;
  /** The id argument and its description. */
  argument: [name: string, description: string];
  /** What the id argument is, for `--token-name`'s help: `id`, `internal id`. */
  idName: string;
  /** Options only this vendor has, listed first. */
  ownOptions: (command: Command) => Command;
  /** The `--revoke` values, the default first: declared so completion offers them. */
  revokes: string[];
  /** The environment variable holding the credential. */
  variable: string;
  example: string;
  /** Loads and runs the implementation. */
  run: (
    context: CommandContext,
    id: string | undefined,
    options: Record<string, unknown>,
  ) => Promise<number>;
}

/** `tokenkit <vendor> tokens rotate <id>` with the delivery, naming and confirmation options. */
function registerRotate(tokens: Command, spec: RotateSpec): void {
  const summary = `Replace an API token with a new one holding the same ${spec.keeps}`;
  const command = spec
    .ownOptions(
      tokens
        .command('rotate')
        .summary(summary)
        .description(`${summary}.\n\n${rotateHelp}`)
        .argument(...spec.argument),
    )
    .option('--token-name <name>', `the old token by its exact name, instead of its ${spec.idName}`)
    .option('--name <name>', "the replacement's name (default: the old token's name)")
    // The replacement keeps the rest: scope or permissions, status, lifetime (see the README).
    .option('--out <file>', 'write the new secret to FILE (a new file, mode 0600)')
    .option('--force', 'with --out: replace an existing file (or symlink) with the new one')
    .option('--exec <command>', 'run COMMAND through the shell with the new secret on its stdin')
    .option(
      '--exec-timeout <duration>',
      'with --exec: end a command still running after this long, as a failed delivery (default 2m)',
    )
    .addOption(
      new Option(
        '--revoke <how>',
        `what to do with the old token (default: ${spec.revokes[0]})`,
      ).choices(spec.revokes),
    );
  addTokenStdinOption(addJsonOption(addYesOption(command)), spec.variable)
    .addHelpText('after', `\nExample:\n  $ ${spec.example}`)
    .action((id: string | undefined, _options, current: Command) =>
      execute(current, spec.vendor, (context) => spec.run(context, id, current.opts())),
    );
}

/** `tokenkit losant tokens rotate` and `tokenkit instana tokens rotate`. */
export function registerRotateCommands({ losant, instana }: CommandTree): void {
  registerRotate(losant.tokens, {
    vendor: 'losant',
    keeps: 'scopes',
    argument: ['[tokenId]', "the old token's id (or give --token-name)"],
    idName: 'id',
    ownOptions: (command) =>
      command
        .option('--instance <id>', 'a token of this Losant instance')
        .option('--application <id>', 'a token of this Losant application')
        .option('--user', 'one of your own user tokens (/me)')
        .option(
          '--expires <when>',
          "the replacement's expiry: an ISO date, a duration such as 90d, or never (default: the old token's lifetime from now)",
        )
        .option(
          '--status <status>',
          "the replacement's status: active or inactive (default: the old token's)",
        ),
    revokes: ['delete', 'deactivate', 'keep'],
    variable: 'LOSANT_ACCESS_TOKEN',
    example:
      'tokenkit losant tokens rotate 5f0c…a99 --application 5f0c… --out ./losant-token --yes',
    run: async (context, id, options) =>
      (await import('./losant.js')).rotateLosantToken(context, id, options),
  });
  registerRotate(instana.tokens, {
    vendor: 'instana',
    keeps: 'permissions',
    argument: ['[internalId]', "the old token's internal id (or give --token-name)"],
    idName: 'internal id',
    ownOptions: (command) =>
      command.option(
        '--expires <when>',
        "the replacement's expiresOn: an ISO date, a duration such as 90d, or never (default: the old token's)",
      ),
    revokes: ['delete', 'keep'],
    variable: 'INSTANA_API_TOKEN',
    example:
      "tokenkit instana tokens rotate 9c1kq3h2tnl6g1f7o5n0 --exec 'vault kv put secret/instana token=-' --yes",
    run: async (context, id, options) =>
      (await import('./instana.js')).rotateInstanaToken(context, id, options),
  });
}
