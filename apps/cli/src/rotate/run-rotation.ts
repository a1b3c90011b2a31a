import type { CommandContext } from '../commands/context.js';
import { ask, destructiveMode } from '../confirm.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { type Delivery, deliverSecret, deliveryFrom, precheckDelivery } from './delivery.js';

/** The options `tokens rotate` has on both vendors. */
export interface RotateOptions {
  name?: string;
  out?: string;
  exec?: string;
  force?: boolean;
  revoke?: string;
  yes?: boolean;
  json?: boolean;
  tokenStdin?: boolean;
}

/** What became of the old token, as `--json` reports it. */
export type Revoked = 'deleted' | 'deactivated' | 'kept';

/** A finished rotation, as the vendor SDK returns it. */
export interface RotationResult<Token> {
  created: Token;
  old: Token;
  revoked: Revoked;
}

/** What the shared flow needs from one vendor, once its client is connected. */
export interface VendorRotation<Token> {
  /** The old token's name, for the question at a terminal. */
  describeOld(): Promise<string>;
  /** Runs the SDK's rotation with this `deliver`. */
  rotate(deliver: (secret: string) => Promise<void>): Promise<RotationResult<Token>>;
  /** The token without any secret, for output. */
  publicToken(token: Token): Record<string, unknown>;
  /** The token's id, for output. */
  idOf(token: Token): string;
}

/** The vendor side of one `tokens rotate` command. */
export interface RotateCommand<Token> {
  /** e.g. `Instana API token`. */
  label: string;
  oldId: string;
  /** The `--revoke` values this vendor has; the first is the default. */
  revokes: readonly string[];
  /** Reads credentials and connects; called only after every local check passed. */
  connect(revoke: string): Promise<VendorRotation<Token>>;
}

function checkRevoke(value: string | undefined, allowed: readonly string[]): string {
  const revoke = value ?? (allowed[0] as string);
  if (!allowed.includes(revoke)) {
    throw usageError(`--revoke must be one of ${allowed.join(', ')}, got "${revoke}"`);
  }
  return revoke;
}

/** Whether the person at the terminal agrees to revoke the old token. */
async function confirmed<Token>(
  context: CommandContext,
  command: RotateCommand<Token>,
  rotation: VendorRotation<Token>,
  revoke: string,
): Promise<boolean> {
  const name = await rotation.describeOld();
  return ask(
    context,
    `Rotate ${command.label} "${name}" (${command.oldId}) and ${revoke} the old one once the new secret is delivered?`,
  );
}

/**
 * `tokens rotate` on any vendor: checks everything local first (delivery options, `--revoke`,
 * confirmation: exit 2 before anything is created), then lets the SDK rotate with a `deliver`
 * that writes the file or feeds the command, and prints the result. The secret is printed only
 * when stdout is the delivery.
 */
export async function runRotation<Token>(
  context: CommandContext,
  options: RotateOptions,
  command: RotateCommand<Token>,
): Promise<number> {
  const delivery = deliveryFrom(options);
  const revoke = checkRevoke(options.revoke, command.revokes);
  await precheckDelivery(delivery);
  const mode =
    revoke === 'keep' ? 'skip' : destructiveMode(context, options.yes, `${revoke} the old token`);
  const rotation = await command.connect(revoke);
  if (mode === 'ask' && !(await confirmed(context, command, rotation, revoke))) {
    context.output.note('Cancelled: nothing was created or changed.');
    if (context.output.json) context.output.printJson({ rotated: false, cancelled: true });
    return ExitCode.cancelled;
  }
  let secret: string | undefined;
  const deliver = async (value: string) => {
    secret = value;
    context.output.addSecret(value);
    await deliverSecret(delivery, value);
  };
  let result: RotationResult<Token>;
  try {
    result = await rotation.rotate(deliver);
  } catch (error) {
    throw explain(error, delivery, secret, context);
  }
  printResult(context, command, rotation, result, delivery, secret);
  return 0;
}

interface RotationFailure {
  name?: unknown;
  step?: unknown;
  cause?: unknown;
  replacementId?: unknown;
}

/** Prints a delivered secret that would otherwise be lost with the failure that follows it. */
function rescueSecret(context: CommandContext, secret: string, replacementId: unknown): void {
  const { output } = context;
  if (output.json) {
    output.printJsonWithSecret({ token: secret, new: { id: replacementId }, delivered: 'stdout' });
  } else {
    output.printSecretOnce('Token', secret);
  }
}

/**
 * The error to report for a failed rotation (a `RotationError` from the SDK, recognised by
 * name): a failed read is the read's own error (a 401 still exits 3); a failed delivery names
 * its reason, which the SDK cannot show (it only knows the cause's name).
 */
function explain(
  error: unknown,
  delivery: Delivery,
  secret: string | undefined,
  context: CommandContext,
): unknown {
  const failure: RotationFailure = typeof error === 'object' && error !== null ? error : {};
  if (failure.name !== 'RotationError') return error;
  if (failure.step === 'read') return failure.cause;
  if (failure.step === 'deliver' && failure.cause instanceof Error) {
    return new CliError((error as Error).message, {
      exitCode: ExitCode.failure,
      hint: failure.cause.name === 'DeliveryError' ? failure.cause.message : 'delivery failed',
    });
  }
  if (failure.step === 'revoke' && delivery.kind === 'stdout' && secret !== undefined) {
    rescueSecret(context, secret, failure.replacementId);
  }
  return error;
}

function revokedLine(revoked: Revoked): string {
  return { deleted: 'deleted', deactivated: 'deactivated (inactive)', kept: 'kept (still works)' }[
    revoked
  ];
}

function deliveredLine(delivery: Delivery): string {
  if (delivery.kind === 'file') return `written to ${delivery.path} (mode 0600)`;
  if (delivery.kind === 'command') return 'sent to the --exec command on its stdin';
  return 'printed below, once';
}

function printResult<Token>(
  context: CommandContext,
  command: RotateCommand<Token>,
  rotation: VendorRotation<Token>,
  result: RotationResult<Token>,
  delivery: Delivery,
  secret: string | undefined,
): void {
  const { output } = context;
  const summary = {
    old: rotation.publicToken(result.old),
    new: rotation.publicToken(result.created),
    revoked: result.revoked,
    delivered: delivery.kind,
  };
  const stdoutSecret = delivery.kind === 'stdout' ? secret : undefined;
  if (output.json) {
    if (stdoutSecret === undefined) output.printJson(summary);
    else output.printJsonWithSecret({ token: stdoutSecret, ...summary });
    return;
  }
  const name = String(summary.new.name ?? '');
  output.print(
    `${output.color.green('✓')} Rotated ${command.label} ${output.color.bold(`"${name}"`)}: ${command.oldId} → ${rotation.idOf(result.created)}`,
  );
  output.print(`  new secret: ${deliveredLine(delivery)}`);
  output.print(`  old token:  ${revokedLine(result.revoked)}`);
  if (stdoutSecret !== undefined) output.printSecretOnce('Token', stdoutSecret);
}
