import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestGate } from '../../src/audit/gate.js';

let server: Server;
let url: string;
let open = 0;
let peak = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    const spent = req.url === '/spent';
    setTimeout(() => {
      open--;
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(spent
          ? {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30),
            }
          : {}),
      });
      res.end(JSON.stringify({ path: req.url }));
    }, 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the audit request gate', () => {
  it('never lets more than `concurrency` requests reach the server at once; bodies arrive whole', async () => {
    peak = 0;
    const gate = createRequestGate({ concurrency: 3 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gate.fetch(new Request(`${url}/${i}`))),
    );
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
    expect(await answers[7]?.json()).toEqual({ path: '/7' });
  });

  it('pauses every request when an answer says the budget is spent, until its reset', async () => {
    const gate = createRequestGate({ concurrency: 2, maxPauseMs: 50 });
    expect(gate.waitMs()).toBe(0);
    await gate.fetch(new Request(`${url}/spent`));
    // The reset is 30 s away; the pause is capped at maxPauseMs.
    expect(gate.waitMs()).toBeGreaterThan(0);
    expect(gate.waitMs()).toBeLessThanOrEqual(50);
    const after = await gate.fetch(new Request(`${url}/next`));
    expect(after.status).toBe(200);
  });

  it('pauses on the waits the SDK plans for a 429 or 503, not for other retries', () => {
    const gate = createRequestGate({ concurrency: 2, maxPauseMs: 40 });
    gate.logger.info('Retrying', { reason: 'timeout', waitMs: 1000 });
    expect(gate.waitMs()).toBe(0);
    gate.logger.info('Retrying', { reason: '429', waitMs: 1000 });
    expect(gate.waitMs()).toBeGreaterThan(0);
  });
});
