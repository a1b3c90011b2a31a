import { setTimeout as sleep } from 'node:timers/promises';
import { createLosantClient } from '@tokenkit/losant';
import { startMockServer } from '@tokenkit/mock-server';
import { describe, expect, it } from 'vitest';
import { createRequestGate } from '../../src/audit/gate.js';

describe('the audit request gate', () => {
  it('never runs more than `concurrency` calls at once, and runs them all', async () => {
    const gate = createRequestGate({ concurrency: 3 });
    let open = 0;
    let peak = 0;
    const call = async (index: number) => {
      open++;
      peak = Math.max(peak, open);
      await sleep(5);
      open--;
      return index;
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gate.run(() => call(i))),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('pauses every call until a spent budget refills, capped at maxPauseMs', async () => {
    const gate = createRequestGate({ concurrency: 2, maxPauseMs: 50 });
    expect(gate.waitMs()).toBe(0);
    gate.pauseUntil(new Date(Date.now() + 30_000));
    expect(gate.waitMs()).toBeGreaterThan(0);
    expect(gate.waitMs()).toBeLessThanOrEqual(50);
    await expect(gate.run(async () => 'after the pause')).resolves.toBe('after the pause');
    expect(gate.waitMs()).toBe(0);
  });

  it('pauses on the waits the SDK plans for a 429 or 503, not for other retries', () => {
    const gate = createRequestGate({ concurrency: 2, maxPauseMs: 40 });
    gate.logger.info('Retrying', { reason: 'timeout', waitMs: 1000 });
    expect(gate.waitMs()).toBe(0);
    gate.logger.info('Retrying', { reason: '429', waitMs: 1000 });
    expect(gate.waitMs()).toBeGreaterThan(0);
  });

  it('frees a place once its answer is in, before the SDK has parsed and validated it', async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const gate = createRequestGate({ concurrency: 1 });
      const client = createLosantClient({
        accessToken: mock.losant.accessToken,
        url: mock.url,
        hooks: gate.hooks,
      });
      const order: string[] = [];
      const first = gate.run(() =>
        client.applications.get({}).then(() => order.push('first call has its page')),
      );
      const second = gate.run(async () => {
        order.push('second call started');
      });
      await Promise.all([first, second]);
      // With the place held until the call settled, the second call would start after it.
      expect(order).toEqual(['second call started', 'first call has its page']);
    } finally {
      await mock.close();
    }
  });

  it('keeps the place of an answer that may be retried until its call settles', async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const gate = createRequestGate({ concurrency: 1 });
      const client = createLosantClient({
        accessToken: 'not-a-token',
        url: mock.url,
        hooks: gate.hooks,
        maxRetries: 0,
      });
      const order: string[] = [];
      const first = gate.run(() =>
        client.applications.get({}).catch(() => order.push('first call failed')),
      );
      const second = gate.run(async () => {
        order.push('second call started');
      });
      await Promise.all([first, second]);
      expect(order).toEqual(['first call failed', 'second call started']);
    } finally {
      await mock.close();
    }
  });
});
