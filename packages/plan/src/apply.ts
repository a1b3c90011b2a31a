import { isRotationError, isTokenDeliveryError, type RequestOptions } from '@tokenkit/core';
import { DeliveryError, type DeliveryOptions, deliver, prepareDelivery } from './deliver-target.js';
import { expiryOf } from './lifetime.js';
import { instanaOperations, losantOperations, type TokenOperations } from './operations.js';
import type { Connections } from './plan.js';
import { mapWithLimit } from './pool.js';
import type { ChangeAction, Plan, PlannedChange, TokenRecord } from './records.js';
import type { DeliveryTarget, Entry, LiveToken } from './types.js';

/** How to apply a plan. */
export interface ApplyOptions extends DeliveryOptions {
  /** How many changes run at once; each is independent of the others. @default 4 */
  readonly concurrency?: number | undefined;
  /** The clock new tokens' lifetimes start from. @default the system clock */
  readonly now?: (() => Date) | undefined;
  /** Passed to every request (a `signal`, a `timeout`). @default undefined */
  readonly requestOptions?: RequestOptions | undefined;
  /** Called as each change finishes, applied or failed. */
  readonly onOutcome?: ((outcome: AppliedRecord | FailedRecord) => void) | undefined;
}

/** A change that was made; `id` is the token's id now (a new one after create, rotate, replace). */
export type AppliedRecord = TokenRecord<ChangeAction> & { readonly outcome: 'applied' };

/** A change that failed, with why, in words that hold no secret. */
export type FailedRecord = TokenRecord<ChangeAction> & {
  readonly outcome: 'failed';
  readonly error: string;
};

/** What apply did: `{ applied, failed }`, each a list of the plan's change records. */
export interface ApplyResult {
  applied: AppliedRecord[];
  failed: FailedRecord[];
}

type AnyOperations = TokenOperations<Entry>;

function needTarget(entry: Entry): DeliveryTarget {
  if (entry.deliver === undefined) {
    throw new Error(
      `${entry.label} has no deliver target: a new secret would be lost; fill in deliver`,
    );
  }
  return entry.deliver;
}

/** Creates the declared token and delivers its secret; the id it now has. */
async function createDelivered(
  entry: Entry,
  ops: AnyOperations,
  options: ApplyOptions,
): Promise<string> {
  const target = needTarget(entry);
  await prepareDelivery(target);
  try {
    return await ops.create(
      entry,
      expiryOf(entry.expires, now(options)),
      (secret) => deliver(target, secret, options),
      options.requestOptions,
    );
  } catch (error) {
    throw withDeliveryCause(error);
  }
}

function now(options: ApplyOptions): Date {
  return options.now?.() ?? new Date();
}

/**
 * The engine's words for a failed create or rotation, with why its delivery failed: the engine
 * never quotes a delivery's error, but a DeliveryError holds no secret.
 */
function withDeliveryCause(error: unknown): Error {
  if (
    (isRotationError(error) || isTokenDeliveryError(error)) &&
    error.cause instanceof DeliveryError
  ) {
    return new Error(`${error.message} (${error.cause.message})`);
  }
  return error as Error;
}

/**
 * Rotate and replace: the engine's read, create, deliver, verify and revoke, into the declared
 * settings (a field fixed at creation that differs is set on the replacement, like the rest).
 */
async function rotateDelivered(
  entry: Entry,
  live: LiveToken,
  ops: AnyOperations,
  options: ApplyOptions,
) {
  const target = needTarget(entry);
  await prepareDelivery(target);
  const lifetime = expiryOf(entry.expires, now(options));
  try {
    return await ops.rotate(
      entry,
      live,
      (secret) => deliver(target, secret, options),
      lifetime,
      options.requestOptions,
    );
  } catch (error) {
    throw withDeliveryCause(error);
  }
}

/** Carries out one change; resolves with the token's id afterwards. */
async function carryOut(
  change: PlannedChange,
  ops: AnyOperations,
  options: ApplyOptions,
): Promise<string | null> {
  const { record, entry, live } = change;
  if (record.action === 'create' && entry) return createDelivered(entry, ops, options);
  if ((record.action === 'rotate' || record.action === 'replace') && entry && live)
    return rotateDelivered(entry, live, ops, options);
  if (record.action === 'update' && entry && live) {
    await ops.update(entry, live.id, options.requestOptions);
    return live.id;
  }
  if (record.action === 'delete' && live) {
    await ops.remove(live, live.id, options.requestOptions);
    return live.id;
  }
  throw new Error(`cannot ${record.action} ${record.name}: the plan is incomplete`);
}

function operationsFor(connections: Connections) {
  const losant = connections.losant && losantOperations(connections.losant.client);
  const instana = connections.instana && instanaOperations(connections.instana.client);
  return (vendor: 'losant' | 'instana'): AnyOperations => {
    const ops = vendor === 'losant' ? losant : instana;
    if (ops === undefined)
      throw new TypeError(`the plan changes ${vendor} tokens: pass a ${vendor} client`);
    return ops as AnyOperations;
  };
}

/**
 * Makes the plan's changes, `concurrency` at a time. Changes are independent: one that fails is
 * reported in `failed` and the others go on. A new secret is delivered before anything that
 * held the old one is deleted, and a token whose secret could not be delivered is deleted, so
 * a re-run after a failure converges. Conflicts and unmanaged tokens are left alone.
 */
export async function applyPlan(
  plan: Plan,
  connections: Connections,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const operations = operationsFor(connections);
  const outcomes = await mapWithLimit(plan.changes, options.concurrency ?? 4, async (change) => {
    let outcome: AppliedRecord | FailedRecord;
    try {
      const id = await carryOut(change, operations(change.record.vendor), options);
      outcome = { ...change.record, id, outcome: 'applied' };
    } catch (error) {
      outcome = { ...change.record, outcome: 'failed', error: (error as Error).message };
    }
    options.onOutcome?.(outcome);
    return outcome;
  });
  return {
    applied: outcomes.filter((outcome): outcome is AppliedRecord => outcome.outcome === 'applied'),
    failed: outcomes.filter((outcome): outcome is FailedRecord => outcome.outcome === 'failed'),
  };
}
