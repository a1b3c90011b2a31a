import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from './clock.js';
import { preflight, setCorsHeaders } from './cors.js';
import { htmlErrorPage, invalidJson, truncated } from './fault-replies.js';
import type { FaultRegistry, OneShotFault } from './faults.js';
import { readBody, send, toWire, type WireReply } from './http-io.js';
import type { IncomingRequest } from './incoming-request.js';
import type { Reply } from './reply.js';
import type { MutableLogEntry, RequestLog } from './request-log.js';
import { matchRoute, type RouteDefinition } from './router.js';

/** What the server does with a request in the end. */
export type Outcome =
  | { readonly kind: 'reply'; readonly wire: WireReply }
  /** The socket is destroyed before a byte is written. */
  | { readonly kind: 'drop' }
  /** The status, headers and half the body are written, then the socket is destroyed. */
  | { readonly kind: 'drop-mid-body'; readonly wire: WireReply };

/** What the pipeline needs from the server. */
export interface PipelineContext {
  readonly routes: readonly RouteDefinition[];
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  readonly clock: Clock;
  /** Aborted when the server closes: pending delays give up. */
  readonly shutdown: AbortSignal;
  /** Answers a parsed request (404, 405 or the vendor's handler). */
  dispatch(request: IncomingRequest): Reply;
  /** A vendor-shaped error (Instana's carry its rate-limit headers). */
  error(request: IncomingRequest, status: number, message: string): Reply;
  /** The answer to a `failNext` fault. */
  failure(request: IncomingRequest, fault: OneShotFault & { kind: 'fail' }): Reply;
}

/**
 * Handles one HTTP exchange as a pipeline: parse (and log), fault before dispatch (latency,
 * failure, HTML page, drop), dispatch, fault after dispatch (truncate, invalid JSON, drop
 * mid-body), then write the outcome and log its status.
 */
export async function handleExchange(
  context: PipelineContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  setCorsHeaders(res);
  const head = parseHead(context.routes, req);
  // Logged on arrival, so the log keeps the order requests came in.
  const entry = context.log.add(logEntry(head, context.clock()));
  const text = await readBody(req);
  entry.body = logBody(text);
  const request: IncomingRequest = { ...head, text, body: text ?? '' };
  const outcome = await answer(context, request, entry);
  finish(res, entry, outcome, context.shutdown.aborted);
}

/** Everything but the body: method, path, query, headers, and the route they match. */
type RequestHead = Omit<IncomingRequest, 'text' | 'body'>;

function parseHead(routes: readonly RouteDefinition[], req: IncomingMessage): RequestHead {
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] ??= value;
  const match = matchRoute(routes, method, path);
  return {
    method,
    path,
    query,
    headers: req.headers,
    params: match?.params ?? {},
    operation: match?.operation ?? '',
    match,
    vendor: match?.vendor ?? (path.startsWith('/api/') ? 'instana' : 'losant'),
  };
}

async function answer(
  context: PipelineContext,
  request: IncomingRequest,
  entry: MutableLogEntry,
): Promise<Outcome> {
  if (request.method === 'OPTIONS') {
    return reply(preflight(request.headers['access-control-request-headers']));
  }
  if (request.text === undefined) {
    return reply(context.error(request, 413, 'Request body is over 1 MiB'));
  }
  const key = { method: request.method, path: request.path, operation: request.match?.operation };
  if (!(await delay(context, context.faults.latencyFor(key)))) return { kind: 'drop' };
  const fault = context.faults.take(key);
  entry.fault = fault?.kind;
  const early = faultBefore(context, request, fault);
  if (early !== undefined) return early;
  let wire: WireReply;
  try {
    wire = toWire(context.dispatch(request));
  } catch (error) {
    wire = toWire(context.error(request, 500, `mock-server bug: ${String(error)}`));
  }
  return faultAfter(fault, wire);
}

/** The faults that answer instead of the handler: the request is not processed. */
function faultBefore(
  context: PipelineContext,
  request: IncomingRequest,
  fault: OneShotFault | undefined,
): Outcome | undefined {
  switch (fault?.kind) {
    case 'fail':
      return reply(context.failure(request, fault));
    case 'html-error':
      return { kind: 'reply', wire: htmlErrorPage(fault.status) };
    case 'drop-before-response':
      return { kind: 'drop' };
    default:
      return undefined;
  }
}

/** The faults that bend the handler's answer: the request was processed. */
function faultAfter(fault: OneShotFault | undefined, wire: WireReply): Outcome {
  switch (fault?.kind) {
    case 'truncate':
      return { kind: 'reply', wire: truncated(wire) };
    case 'invalid-json':
      return { kind: 'reply', wire: invalidJson(wire) };
    case 'drop-mid-body':
      // A reply without a body (204) has no middle: the connection dies before the status line.
      return wire.payload === undefined ? { kind: 'drop' } : { kind: 'drop-mid-body', wire };
    default:
      return { kind: 'reply', wire };
  }
}

/** Waits out injected latency; false when the server closed meanwhile. */
async function delay(context: PipelineContext, ms: number): Promise<boolean> {
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal: context.shutdown });
    return true;
  } catch {
    return false;
  }
}

/** Writes the outcome; the log records the status only when a status line went out. */
function finish(
  res: ServerResponse,
  entry: MutableLogEntry,
  outcome: Outcome,
  closing: boolean,
): void {
  if (outcome.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  entry.status = outcome.wire.status;
  // Once closing, tell keep-alive clients not to reuse the connection.
  if (closing) outcome.wire.headers.connection = 'close';
  if (outcome.kind === 'reply') send(res, outcome.wire);
  else dropMidBody(res, outcome.wire);
}

/**
 * Writes the headers (with the full Content-Length) and half the body, then kills the socket,
 * so the client sees a response that stops mid-body.
 */
function dropMidBody(res: ServerResponse, wire: WireReply): void {
  const payload = wire.payload ?? Buffer.alloc(0);
  res.writeHead(wire.status, { ...wire.headers, 'content-length': String(payload.length) });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

function reply(value: Reply): Outcome {
  return { kind: 'reply', wire: toWire(value) };
}

function logEntry(request: RequestHead, now: number): MutableLogEntry {
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    headers: { ...request.headers },
    body: undefined,
    status: undefined,
    vendor: request.match?.vendor,
    operation: request.match?.operation,
    fault: undefined,
    time: new Date(now),
  };
}

function logBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
