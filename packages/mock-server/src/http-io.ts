import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './reply.js';

/** Request bodies above this are refused (413) rather than buffered. */
export const MAX_BODY_BYTES = 1_048_576;

/** A reply turned into what goes on the wire. */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  payload: Buffer | undefined;
}

/** Reads the whole request body as UTF-8; `undefined` when it is larger than {@link MAX_BODY_BYTES}. */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining past the limit so the 413 can still be written on a healthy connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Serialises a handler's reply: JSON with Content-Type and Content-Length, or no body. */
export function toWire(reply: Reply): WireReply {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) return { status: reply.status, headers, payload: undefined };
  const payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return { status: reply.status, headers, payload };
}

/** Writes a complete response. */
export function send(response: ServerResponse, wire: WireReply): void {
  const headers = { ...wire.headers };
  if (wire.payload !== undefined) headers['content-length'] = String(wire.payload.length);
  response.writeHead(wire.status, headers);
  response.end(wire.payload);
}
