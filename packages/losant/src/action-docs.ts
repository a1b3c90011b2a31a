import { actionScopes, type LosantAction } from '@tokenkit/schemas/losant';
import { applicationsGet } from './resources/applications.js';
import { tokenEndpointList } from './resources/token-endpoints.js';

/** What one action does, where, and what a token needs to run it. */
export interface LosantActionDoc<Action extends LosantAction = LosantAction> {
  /** e.g. `'instanceApiTokens.get'`. */
  readonly action: Action;
  /** One sentence. */
  readonly summary: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/instances/{instanceId}/tokens`. */
  readonly path: string;
  /** The scopes the token needs at least one of (API v1.30.0). */
  readonly scopes: (typeof actionScopes)[Action];
  /** The vendor's doc page. */
  readonly url: string;
}

/**
 * Every action the client runs (the fifteen token actions and `applications.get`) described:
 * summary, method, path, scopes and doc link. Built from the same table as the client, so it
 * cannot drift from what the client does.
 *
 * @example
 * ```ts
 * LOSANT_ACTION_DOCS['userApiTokens.post'].scopes; // ['all.User', 'only.User', …]
 * ```
 */
export const LOSANT_ACTION_DOCS: { readonly [Action in LosantAction]: LosantActionDoc<Action> } =
  Object.freeze(
    Object.fromEntries(
      [...tokenEndpointList, applicationsGet].map(({ name, summary, method, path, docs }) => [
        name,
        Object.freeze({
          action: name,
          summary,
          method,
          path,
          scopes: actionScopes[name as LosantAction],
          url: docs,
        }),
      ]),
    ) as { [Action in LosantAction]: LosantActionDoc<Action> },
  );

/**
 * The scopes a token needs at least one of to run an action (API v1.30.0).
 *
 * @example
 * ```ts
 * requiredScopes('applicationApiToken.delete');
 * // ['all.Application', 'all.Organization', 'all.User', 'applicationApiToken.*', 'applicationApiToken.delete']
 * ```
 */
export function requiredScopes<Action extends LosantAction>(
  action: Action,
): (typeof actionScopes)[Action] {
  const scopes = actionScopes[action];
  if (scopes === undefined) throw new TypeError(`Unknown Losant action '${String(action)}'`);
  return scopes;
}
