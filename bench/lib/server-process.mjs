/**
 * The benchmark servers, run in their own process (forked with IPC by servers.mjs) so the
 * server's work does not share an event loop with the client being measured.
 *
 * - `fixed`: answers every request with the same pre-serialised apiToken body.
 * - `pages`: answers `GET /instances/:id/tokens?page=P&perPage=N` from pre-serialised pages of
 *   a synthetic list of `total` tokens (one server per list size). No filtering, no
 *   sorting, no store: only cached bytes, so the client's cost is what is measured.
 *
 * Both keep connections alive (Node's default), with a long keep-alive timeout.
 * Counters of connections and requests are reported over IPC, to show keep-alive worked.
 */
import http from 'node:http';
import { singleTokenBody, tokenPageBody } from './fixtures.mjs';

const counters = { connections: 0, requests: 0 };

/** @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} handler */
function listen(handler) {
  const server = http.createServer({ keepAlive: true }, handler);
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  server.on('connection', () => counters.connections++);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** @param {http.ServerResponse} res @param {Buffer} body */
function sendJson(res, body) {
  counters.requests++;
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  });
  res.end(body);
}

async function startFixed() {
  const body = Buffer.from(singleTokenBody());
  // Drain any request body, then answer; no routing, no parsing.
  return listen((req, res) => {
    req.resume();
    req.on('end', () => sendJson(res, body));
  });
}

/** @param {{ total: number, perPages: number[] }} opts */
async function startPages({ total, perPages }) {
  /** @type {Map<string, Buffer>} */
  const cache = new Map();
  for (const perPage of perPages) {
    const pages = Math.ceil(total / perPage);
    // One page past the end too (empty items), for clients that read until a short page.
    for (let page = 0; page <= pages; page++) {
      cache.set(`${perPage}/${page}`, Buffer.from(tokenPageBody({ total, perPage, page })));
    }
  }
  return listen((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://x');
    const key = `${url.searchParams.get('perPage') ?? '100'}/${url.searchParams.get('page') ?? '0'}`;
    const body = cache.get(key);
    if (body === undefined) {
      counters.requests++;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'NotFound', message: `no page ${key}` }));
      return;
    }
    sendJson(res, body);
  });
}

process.on('message', async (msg) => {
  if (msg.type === 'start') {
    const server = msg.kind === 'fixed' ? await startFixed() : await startPages(msg.options);
    const { port } = server.address();
    process.send({ id: msg.id, url: `http://127.0.0.1:${port}` });
  } else if (msg.type === 'stats') {
    process.send({ id: msg.id, ...counters });
    counters.connections = 0;
    counters.requests = 0;
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
