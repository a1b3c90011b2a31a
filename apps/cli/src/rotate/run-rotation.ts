// Core's lifecycle types, as both vendor packages re-export them (types only: nothing loads).
import type { Rotation, rotateToken, TokenStore } from '@tokenkit/losant';
import { credentialVariables as credentialTokenVariables } from '@tokenkit/plan/deliver';
import { ask, destructiveMode } from '../cli/confirm.js';
import type { CommandContext } from '../cli/context.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { describeError } from '../output/describe-error.js';
import { sanitize } from '../output/sanitize.js';
import { type Delivery, deliverSecret, deliveryFrom, precheckDelivery } from './delivery.js';
import type { RotatedJson } from './json-shapes.js';
import type { Overrides } from './overrides.js';
import {
  interruptedLine,
  isRotationFailure,
  leftBehind,
  printJsonRest,
  printRotated,
  stdoutSecretText,
} from './render.js';
import { interruptionExitCode, interruptionOf, type SignalWatch, watchSignals } from './signals.js';

/** The options `tokens rotate` has on both vendors. */
export interface RotateOptions {
  /** The replacement's name. */
  name?: string;
  /** The old token's name, instead of its id. */
  tokenName?: string;
  expires?: string;
  out?: string;
  exec?: string;
  execTimeout?: string;
  force?: boolean;
  revoke?: string;
  yes?: boolean;
  json?: boolean;
  tokenStdin?: boolean;
}

/** What becomes of the old token (the engine's `revoke`). */
type RevokeMode = NonNullable<Parameters<typeof rotateToken>[1]['revoke']>;

/** What the shared flow needs from one vendor, once its client is connected. */
export interface VendorRotation<Token> {
  /** The old token's id (looked up by name when `--token-name` named it). */
  oldId: string;
  /** The owner's token store (its `label` names the tokens in messages). */
  store: TokenStore<Token, unknown>;
  /** The lifecycle engine's `rotateToken`, loaded with the vendor package. */
  rotateToken: typeof rotateToken;
  /** The token without any secret, for output. */
  publicToken(token: Token): RotatedJson['old'];
}

/** The vendor side of one `tokens rotate` command. */
export interface RotateCommand<Token> {
  /** The `--revoke` values this vendor has; the first is the default. */
  revokes: readonly RevokeMode[];
  /** `--name`, `--expires`, `--status`: how the replacement differs from the old token. */
  overrides: Overrides;
  /** The whole command that revokes the old token as `mode` would, for a revoke that failed. */
  revokeCommand(mode: RevokeMode, oldId: string): string;
  /** Reads credentials and connects; called only after every local check passed. */
  connect(): Promise<VendorRotation<Token>>;
}

/** Whether the person at the terminal agrees to revoke the old token. */
async function confirmed<Token>(
  context: CommandContext,
  rotation: VendorRotation<Token>,
  revoke: RevokeMode,
): Promise<boolean> {
  const old = await rotation.store.read(rotation.oldId);
  const name = sanitize(String(rotation.publicToken(old).name ?? ''));
  return ask(
    context,
    `Rotate ${rotation.store.label} "${name}" (${sanitize(rotation.oldId)}) and ${revoke} the old one once the new secret is delivered?`,
  );
}

/**
 * `tokens rotate` on any vendor: checks everything local first (delivery options, `--revoke`,
 * the `--out` path, confirmation: exit 2 before anything is created), then rotates with SIGINT,
 * SIGTERM and SIGHUP caught, so a signal ends the delivery and the rotation cleans up.
 */
export async function runRotation<Token>(
  context: CommandContext,
  options: RotateOptions,
  command: RotateCommand<Token>,
): Promise<number> {
  const delivery = deliveryFrom(options);
  // commander refuses a value outside the vendor's choices; the first is the default.
  const revoke = (options.revoke ?? command.revokes[0]) as RevokeMode;
  await precheckDelivery(delivery, context.output);
  const mode =
    revoke === 'keep' ? 'skip' : destructiveMode(context, options.yes, `${revoke} the old token`);
  const rotation = await command.connect();
  if (mode === 'ask' && !(await confirmed(context, rotation, revoke))) {
    context.output.note('Cancelled: nothing was created or changed.');
    if (context.output.json) context.output.printJson({ rotated: false, cancelled: true });
    return ExitCode.cancelled;
  }
  // Both vendors' credentials, whichever this rotation uses: the --exec command may print either.
  for (const name of credentialTokenVariables) context.output.addSecret(context.env[name]?.trim());
  const watch = watchSignals();
  try {
    return await rotateDelivering(context, command, rotation, { delivery, revoke, watch });
  } finally {
    watch.stop();
  }
}

/** Where the secret went, as far as the rotation got. */
interface Progress {
  /** The stdout delivery wrote the start of the `--json` result: it must be finished. */
  jsonOpen: boolean;
}

/** How this rotation runs: where the secret goes, what becomes of the old token, the signals. */
interface RotationPlan {
  delivery: Delivery;
  revoke: RevokeMode;
  watch: SignalWatch;
}

/** The rotation itself: the engine runs the steps; `deliver` hands the secret on. */
async function rotateDelivering<Token>(
  context: CommandContext,
  command: RotateCommand<Token>,
  rotation: VendorRotation<Token>,
  { delivery, revoke, watch }: RotationPlan,
): Promise<number> {
  const { output } = context;
  const { store } = rotation;
  const progress: Progress = { jsonOpen: false };
  const deliver = async (secret: string, created: Token) => {
    output.addSecret(secret);
    await deliverSecret(delivery, secret, {
      output,
      env: context.env,
      signal: watch.signal,
      replacement: {
        id: store.idOf(created),
        name: String(rotation.publicToken(created).name ?? ''),
      },
      stdoutText: stdoutSecretText(output, secret),
    });
    progress.jsonOpen = delivery.kind === 'stdout' && output.json;
  };
  let result: Rotation<Token>;
  try {
    result = await rotation.rotateToken(store, {
      id: rotation.oldId,
      deliver,
      revoke,
      overrides: command.overrides,
      signal: watch.signal,
    });
  } catch (error) {
    return failed(context, error, progress, watch, command.revokeCommand(revoke, rotation.oldId));
  }
  const summary: RotatedJson = {
    old: rotation.publicToken(result.old),
    new: rotation.publicToken(result.created),
    revoked: result.revoked,
    delivered: delivery.kind,
    kept: result.kept,
    verified: result.verified,
  };
  const ids = { old: rotation.oldId, new: store.idOf(result.created) };
  printRotated(output, store.label, summary, { ids, delivery, overrides: command.overrides });
  const interruption = interruptionOf(watch.signal);
  if (interruption === undefined) return ExitCode.ok;
  output.note(
    interruptedLine(interruption, 'the new secret was already delivered, so the rotation finished'),
  );
  return interruptionExitCode(interruption);
}

/**
 * Reports a failed rotation: after a signal, one line saying what is left, and the signal's
 * exit code; otherwise the error (see {@link explain}).
 */
function failed(
  context: CommandContext,
  error: unknown,
  progress: Progress,
  watch: SignalWatch,
  revokeCommand: string,
): number {
  const { output } = context;
  if (progress.jsonOpen) {
    const replacementId = isRotationFailure(error) ? error.replacementId : undefined;
    printJsonRest(output, { new: { id: replacementId }, delivered: 'stdout' });
  }
  const interruption = interruptionOf(watch.signal);
  if (interruption === undefined) throw explain(error, revokeCommand);
  const what = isRotationFailure(error) ? leftBehind(error) : describeError(error).message;
  output.note(interruptedLine(interruption, what));
  return interruptionExitCode(interruption);
}

/**
 * The error to report for a failed rotation: a failed read is the read's own error (a 401 still
 * exits 3); any other step is one line built from the error's fields (what is left), with the
 * cause as the hint, and after a failed revoke the command that revokes the old token.
 */
function explain(error: unknown, revokeCommand: string): unknown {
  if (!isRotationFailure(error)) return error;
  if (error.step === 'read') return error.cause;
  const cause = error.cause;
  const why =
    cause instanceof Error && cause.name === 'DeliveryError'
      ? cause.message
      : describeError(cause).message;
  // The replacement holds the delivered secret; the old token still works until revoked.
  const revokeByHand = error.step === 'revoke' && error.old !== 'deleted';
  return new CliError(`rotation failed at ${error.step}: ${leftBehind(error)}`, {
    exitCode: ExitCode.failure,
    hint: revokeByHand ? `${why}; once fixed, revoke it: ${revokeCommand}` : why,
  });
}
