import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestGate } from '../../src/audit/gate.js';
import { newTally, type OwnerResult } from '../../src/audit/walk.js';
import { watchWalk } from '../../src/audit/walk-progress.js';
import { Output } from '../../src/output/output.js';

function output(stderrIsTTY: boolean) {
  const written: string[] = [];
  const out = new Output(
    { json: false, color: false, env: {} },
    {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (text: string) => written.push(text), isTTY: stderrIsTTY },
    },
  );
  return { out, written };
}

const gate = (waitMs: number) => ({ waitMs: () => waitMs }) as unknown as RequestGate;
const owner: OwnerResult = {
  facts: { owner: { vendor: 'losant', kind: 'application', id: 'a'.repeat(24) }, name: 'plant' },
  implicit: false,
  tokens: 30,
  findings: 2,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the audit progress line', () => {
  it('on a terminal: owners done of total, tokens, findings and the current wait, redrawn in place', () => {
    vi.useFakeTimers();
    const { out, written } = output(true);
    const tally = { ...newTally(), ownersTotal: 201, ownersDone: 12, tokens: 360, findings: 7 };
    const watcher = watchWalk(out, tally, gate(1500), false);
    vi.advanceTimersByTime(100);
    expect(written.at(-1)).toBe(
      '\r\u001b[2Kauditing 12 of 201 owners · 360 tokens read · 7 findings · rate-limited: waiting 2 s',
    );
    watcher.stop();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('not on a terminal: nothing, unless --verbose, then a line per owner', () => {
    vi.useFakeTimers();
    const quiet = output(false);
    const silent = watchWalk(quiet.out, newTally(), gate(0), false);
    silent.ownerDone(owner);
    vi.advanceTimersByTime(1000);
    silent.stop();
    expect(quiet.written).toEqual([]);

    const loud = output(false);
    const verbose = watchWalk(loud.out, newTally(), gate(0), true);
    verbose.ownerDone(owner);
    verbose.ownerDone({ ...owner, error: new Error('403') });
    verbose.stop();
    expect(loud.written).toEqual([
      `losant application ${'a'.repeat(24)} (plant): 30 tokens, 2 findings\n`,
      `losant application ${'a'.repeat(24)} (plant): could not be audited\n`,
    ]);
  });
});
