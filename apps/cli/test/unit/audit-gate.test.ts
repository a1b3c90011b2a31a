import { setTimeout as sleep } from 'node:timers/promises';
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
});
