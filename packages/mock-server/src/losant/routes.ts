import type { Reply } from '../reply.js';
import type { ParsedRequest, RouteDefinition } from '../router.js';
import { LOSANT_ACTIONS } from './actions.js';
import { authenticate, hasScope, tokenOf } from './auth.js';
import type { LosantContext } from './context.js';
import { forbidden } from './errors.js';

export type { LosantContext } from './context.js';

/** The 15 token actions' paths and methods, and `applications.get`. */
export const losantRoutes: readonly RouteDefinition[] = [
  { vendor: 'losant', segments: ['applications'], methods: { GET: 'applications.get' } },
  collection(['instances', ':instanceId', 'tokens'], 'instanceApiTokens'),
  item(['instances', ':instanceId', 'tokens', ':apiTokenId'], 'instanceApiToken'),
  collection(['applications', ':applicationId', 'tokens'], 'applicationApiTokens'),
  item(['applications', ':applicationId', 'tokens', ':apiTokenId'], 'applicationApiToken'),
  collection(['me', 'tokens'], 'userApiTokens'),
  item(['me', 'tokens', ':apiTokenId'], 'userApiToken'),
];

function collection(segments: string[], resource: string): RouteDefinition {
  return {
    vendor: 'losant',
    segments,
    methods: { GET: `${resource}.get`, POST: `${resource}.post` },
  };
}

function item(segments: string[], resource: string): RouteDefinition {
  return {
    vendor: 'losant',
    segments,
    methods: { GET: `${resource}.get`, PATCH: `${resource}.patch`, DELETE: `${resource}.delete` },
  };
}

/**
 * Answers one action in the order Losant's API framework checks a request (`Losant/bravado-core`
 * `lib/index.js`): the parameters (400, so a malformed id is refused even without a token), then
 * the token (401), then the scope (403, also when no token was sent), then the action itself
 * (403 for an instance or application out of the token's reach, 404 and the rest).
 */
export function handleLosant(context: LosantContext, request: ParsedRequest): Reply {
  const spec = LOSANT_ACTIONS[request.operation];
  if (spec === undefined) throw new Error(`no Losant action named ${request.operation}`);
  const action = spec.prepare(request);
  if (!action.ok) return action.reply;
  const secret = tokenOf(request.query, request.headers.authorization);
  const auth = authenticate(secret, context.store, context.credential, context.clock());
  if (!auth.ok) return auth.reply;
  if (auth.principal === undefined || !hasScope(auth.principal, spec.scopes)) return forbidden();
  return action.value(context, auth.principal);
}
