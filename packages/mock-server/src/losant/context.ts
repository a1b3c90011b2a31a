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

/** A request's parameters once they passed their schemas: `Q` the query, `B` the body. */
export interface CheckedParams<Q, B> {
  /** The path ids, as sent. */
  readonly path: Readonly<Record<string, string>>;
  readonly query: Q;
  /** The JSON body (`apiToken`). */
  readonly body: B;
  /** Whether `_links=true` asked for HAL keys. */
  readonly links: boolean;
}

/** Runs an action once the parameters, the token and the scope have passed. */
export type ActionHandler<Q = undefined, B = undefined> = (
  context: LosantContext,
  principal: LosantPrincipal,
  params: CheckedParams<Q, B>,
) => Reply;
