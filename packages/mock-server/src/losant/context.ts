import type { Clock } from '../clock.js';
import type { Reply } from '../reply.js';
import type { LosantPrincipal } from './auth.js';
import type { LosantStore } from './store.js';

/** What the Losant handlers need from the server. */
export interface LosantContext {
  readonly store: LosantStore;
  /** The seeded user credential. */
  readonly credential: string;
  readonly clock: Clock;
}

/** A request's parameters once they passed their schemas. */
export interface CheckedParams {
  /** The path ids, as sent. */
  readonly path: Readonly<Record<string, string>>;
  /** The query parameters the action takes, parsed. */
  readonly query: unknown;
  /** The JSON body (`apiToken`), parsed; `undefined` for actions without one. */
  readonly body: unknown;
  /** Whether `_links=true` asked for HAL keys. */
  readonly links: boolean;
}

/** Runs an action once the parameters, the token and the scope have passed. */
export type ActionHandler = (
  context: LosantContext,
  principal: LosantPrincipal,
  params: CheckedParams,
) => Reply;
