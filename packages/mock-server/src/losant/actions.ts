import {
  actionScopes,
  apiTokenPatch,
  apiTokenPost,
  applicationTokenPath,
  applicationTokensPath,
  instanceTokenPath,
  instanceTokensPath,
  type LosantAction,
  userTokenPath,
} from '@tokenkit/schemas/losant';
import * as z from 'zod/mini';
import type { Reply } from '../reply.js';
import type { ParsedRequest } from '../router.js';
import { APPLICATIONS_GET_SCOPES, listApplications } from './applications.js';
import type { LosantPrincipal } from './auth.js';
import type { ActionHandler, LosantContext } from './context.js';
import { applicationsQuery, queryParams, tokensQuery } from './query.js';
import { createToken, deleteToken, getToken, listTokens, patchToken } from './tokens.js';
import { type Checked, check } from './validation.js';

/** An action bound to its checked parameters, waiting for the token and scope checks. */
export type BoundAction = (context: LosantContext, principal: LosantPrincipal) => Reply;

/** One action: who may call it, and how its parameters are checked. */
export interface LosantActionSpec {
  /** A token needs at least one of these. */
  readonly scopes: readonly string[];
  /** Checks the path ids, then the query, then the body (400), and binds the handler to them. */
  prepare(request: ParsedRequest): Checked<BoundAction>;
}

/** Builds an action whose handler gets the query and body its schemas produce. */
function defineAction<Q = undefined, B = undefined>(parts: {
  scopes: readonly string[];
  path?: z.ZodMiniType;
  query?: z.ZodMiniType<Q>;
  body?: z.ZodMiniType<B>;
  handle: ActionHandler<Q, B>;
}): LosantActionSpec {
  const body = parts.body === undefined ? undefined : z.object({ apiToken: parts.body });
  return {
    scopes: parts.scopes,
    prepare(request) {
      if (parts.path !== undefined) {
        const path = check(parts.path, request.params, '');
        if (!path.ok) return path;
      }
      const query = optional(parts.query, queryParams(request.query));
      if (!query.ok) return query;
      const sent = optional(body, { apiToken: parseJson(request.body) });
      if (!sent.ok) return sent;
      const params = {
        path: request.params,
        query: query.value as Q,
        body: sent.value?.apiToken as B,
        links: request.query._links === 'true',
      };
      return { ok: true, value: (context, principal) => parts.handle(context, principal, params) };
    },
  };
}

/** Checks `value` when there is a schema; `undefined` otherwise. */
function optional<T>(schema: z.ZodMiniType<T> | undefined, value: unknown): Checked<T | undefined> {
  return schema === undefined ? { ok: true, value: undefined } : check(schema, value, '');
}

/** The body as JSON; text that is not JSON stays text (so it is "the wrong type"). */
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function tokenActions(
  prefix: 'instance' | 'application' | 'user',
  collectionPath: z.ZodMiniType | undefined,
  itemPath: z.ZodMiniType,
): Record<string, LosantActionSpec> {
  const scopes = (action: LosantAction) => actionScopes[action];
  const path = collectionPath === undefined ? {} : { path: collectionPath };
  return {
    [`${prefix}ApiTokens.get`]: defineAction({
      scopes: scopes(`${prefix}ApiTokens.get`),
      ...path,
      query: tokensQuery,
      handle: listTokens,
    }),
    [`${prefix}ApiTokens.post`]: defineAction({
      scopes: scopes(`${prefix}ApiTokens.post`),
      ...path,
      body: apiTokenPost,
      handle: createToken,
    }),
    [`${prefix}ApiToken.get`]: defineAction({
      scopes: scopes(`${prefix}ApiToken.get`),
      path: itemPath,
      handle: getToken,
    }),
    [`${prefix}ApiToken.patch`]: defineAction({
      scopes: scopes(`${prefix}ApiToken.patch`),
      path: itemPath,
      body: apiTokenPatch,
      handle: patchToken,
    }),
    [`${prefix}ApiToken.delete`]: defineAction({
      scopes: scopes(`${prefix}ApiToken.delete`),
      path: itemPath,
      handle: deleteToken,
    }),
  };
}

/** Every action the mock serves, by operation name. */
export const LOSANT_ACTIONS: Readonly<Record<string, LosantActionSpec>> = {
  'applications.get': defineAction({
    scopes: APPLICATIONS_GET_SCOPES,
    query: applicationsQuery,
    handle: listApplications,
  }),
  ...tokenActions('instance', instanceTokensPath, instanceTokenPath),
  ...tokenActions('application', applicationTokensPath, applicationTokenPath),
  ...tokenActions('user', undefined, userTokenPath),
};
