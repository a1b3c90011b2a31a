import type { Clock } from '../clock.js';
import type { InstanaApiToken } from '../models.js';
import type { RandomSource } from '../random.js';
import { json, type Reply } from '../reply.js';
import type { ParsedRequest, RouteDefinition } from '../router.js';
import { parseBody } from './body.js';
import { instanaError, unauthorized } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { type InstanaStore, SEEDED_CREATOR } from './store.js';
import { masked, maskSecret, normalizeToken } from './token.js';

/** The five operations, named after Instana's `APITokenApi` operationIds. */
export const instanaRoutes: readonly RouteDefinition[] = [
  {
    vendor: 'instana',
    segments: ['api', 'settings', 'api-tokens'],
    methods: { GET: 'getApiTokens', POST: 'postApiToken' },
  },
  {
    vendor: 'instana',
    segments: ['api', 'settings', 'api-tokens', ':internalId'],
    methods: { GET: 'getApiToken', PUT: 'putApiToken', DELETE: 'deleteApiToken' },
  },
];

/** What the Instana handler needs from the server. */
export interface InstanaContext {
  readonly store: InstanaStore;
  readonly rateLimiter: RateLimiter;
  readonly random: RandomSource;
  readonly clock: Clock;
}

/** The rate-limit bucket of a request: its API token, or one shared bucket without one. */
export function rateLimitKey(authorization: string | undefined): string {
  return apiTokenOf(authorization) ?? '';
}

/**
 * Answers one of the five operations: rate limit (429 past the hourly budget), then
 * `Authorization: apiToken <token>` (401), then `canConfigureApiTokens` (403), then the operation.
 * Every answer carries the `X-RateLimit-*` headers.
 */
export function handleInstana(context: InstanaContext, request: ParsedRequest): Reply {
  const authorization = request.headers.authorization;
  const limit = context.rateLimiter.consume(rateLimitKey(authorization));
  const reply = limit.allowed
    ? authorizedOperation(context, request, authorization)
    : // Body unverified: IBM documents the status only.
      instanaError(429, ['Rate limit exceeded. Try again after X-RateLimit-Reset.']);
  return { ...reply, headers: { ...reply.headers, ...limit.headers } };
}

function authorizedOperation(
  context: InstanaContext,
  request: ParsedRequest,
  authorization: string | undefined,
): Reply {
  const secret = apiTokenOf(authorization);
  const caller = secret === undefined ? undefined : context.store.bySecret(secret);
  if (caller === undefined || isExpired(caller, context.clock())) {
    return unauthorized();
  }
  context.store.touch(caller);
  if (!caller.canConfigureApiTokens) {
    // The 403 text other Instana settings endpoints document; unverified for these.
    return instanaError(403, ['Insufficient permissions.']);
  }
  const internalId = request.params.internalId;
  switch (request.operation) {
    case 'getApiTokens': {
      const tokens = context.store.list();
      return tokens.length === 0
        ? instanaError(404, ['No API Tokens found'])
        : json(200, tokens.map(masked));
    }
    case 'postApiToken':
      return create(context, request, caller);
    case 'getApiToken': {
      const token = context.store.get(internalId ?? '');
      return token === undefined ? notFound() : json(200, masked(token));
    }
    case 'putApiToken':
      return upsert(context, request, caller, internalId ?? '');
    default: {
      // deleteApiToken. An unknown id answers 404 (undocumented; the mock's choice).
      return context.store.remove(internalId ?? '') ? { status: 204 } : notFound();
    }
  }
}

function create(context: InstanaContext, request: ParsedRequest, caller: InstanaApiToken): Reply {
  const body = parseBody(request.body);
  if (!body.ok) return body.reply;
  const { store } = context;
  if (store.get(body.value.internalId) !== undefined) {
    // Instana documented this 400 for v1.190–v1.279; the wording is the mock's.
    return instanaError(400, [
      `An API token with internalId ${body.value.internalId} already exists.`,
    ]);
  }
  if (store.secretTaken(body.value.accessGrantingToken)) {
    return instanaError(400, ['An API token with this accessGrantingToken already exists.']);
  }
  const token = normalizeToken(body.value, {
    id: context.random.hex(12),
    createdBy: creatorOf(caller, store),
    createdOn: context.clock(),
  });
  store.put(token);
  // POST and PUT answer unmasked; only GETs mask (the OpenAPI spec's examples).
  return json(200, token);
}

function upsert(
  context: InstanaContext,
  request: ParsedRequest,
  caller: InstanaApiToken,
  internalId: string,
): Reply {
  const body = parseBody(request.body);
  if (!body.ok) return body.reply;
  if (body.value.internalId !== internalId) {
    return instanaError(400, ['internalId in the body must equal the internalId in the path.']);
  }
  const { store } = context;
  const existing = store.get(internalId);
  // A GET-modify-PUT round trip sends the masked secret back: keep the stored one.
  const secret =
    existing !== undefined &&
    body.value.accessGrantingToken === maskSecret(existing.accessGrantingToken)
      ? existing.accessGrantingToken
      : body.value.accessGrantingToken;
  if (store.secretTaken(secret, internalId)) {
    return instanaError(400, ['An API token with this accessGrantingToken already exists.']);
  }
  // PUT is a full replace: an omitted permission becomes false (the Go client behind Instana's
  // Terraform provider always sends every boolean). Server-filled fields survive.
  const token = normalizeToken(
    { ...body.value, accessGrantingToken: secret },
    existing ?? {
      id: context.random.hex(12),
      createdBy: creatorOf(caller, store),
      createdOn: context.clock(),
    },
  );
  store.put(token);
  return json(200, token);
}

function apiTokenOf(authorization: string | undefined): string | undefined {
  return /^apiToken +(\S+) *$/i.exec(authorization ?? '')?.[1];
}

/** `expiresOn` (epoch ms) is enforced by the mock; Instana does not document its semantics. */
function isExpired(token: InstanaApiToken, now: number): boolean {
  return token.expiresOn !== null && token.expiresOn <= now;
}

function creatorOf(caller: InstanaApiToken, store: InstanaStore): string {
  return caller === store.credential ? SEEDED_CREATOR : `API token ${caller.internalId}`;
}

function notFound(): Reply {
  return instanaError(404, ['No ApiToken found with internalId']);
}
