import type { Reply } from '../reply.js';
import type { ParsedRequest, RouteDefinition } from '../router.js';
import { LOSANT_ACTIONS, type LosantActionSpec } from './actions.js';
import { authenticate, hasScope, tokenOf } from './auth.js';
import type { CheckedParams, LosantContext } from './context.js';
import { forbidden } from './errors.js';
import { queryParams } from './query.js';
import { type Checked, check } from './validation.js';

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
  const params = checkParams(spec, request);
  if (!params.ok) return params.reply;
  const secret = tokenOf(request.query, request.headers.authorization);
  const auth = authenticate(secret, context.store, context.credential, context.clock());
  if (!auth.ok) return auth.reply;
  if (auth.principal === undefined || !hasScope(auth.principal, spec.scopes)) return forbidden();
  return spec.handle(context, auth.principal, params.value);
}

/** Path ids, then query, then body, as bravado-core lists an action's parameters. */
function checkParams(spec: LosantActionSpec, request: ParsedRequest): Checked<CheckedParams> {
  if (spec.path !== undefined) {
    const path = check(spec.path, request.params, '');
    if (!path.ok) return path;
  }
  let query: unknown;
  if (spec.query !== undefined) {
    const checked = check(spec.query, queryParams(request.query), '');
    if (!checked.ok) return checked;
    query = checked.value;
  }
  let body: unknown;
  if (spec.body !== undefined) {
    const checked = check(spec.body, { apiToken: parseJson(request.body) }, '');
    if (!checked.ok) return checked;
    body = (checked.value as { apiToken: unknown }).apiToken;
  }
  const links = request.query._links === 'true';
  return { ok: true, value: { path: request.params, query, body, links } };
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
