/**
 * 1,000 mixed operations (create, get, list, patch, delete) across both vendors and all four
 * token collections, 64 in flight at a time, against one mock server. They must end with no
 * unhandled rejection, no socket left open, every call successful, and the server's store
 * holding exactly what the clients believe they created, renamed and deleted.
 */
import {
  ConnectionError,
  CreateOutcomeUnknownError,
  RateLimitError,
  ServerError,
} from '@tokenkit/core';
import { newApiToken } from '@tokenkit/instana';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { type LosantOwnerCase, losantOwners } from './helpers/operations.js';
import { describeOutcome } from './helpers/outcome.js';

const TOTAL = 1000;
const IN_FLIGHT = 64;
const CHAOS_TOTAL = 400;
/**
 * The test checks consistency, not speed: on a CI machine busy with the whole monorepo's tests
 * an attempt may wait long for the CPU, and must not time out for that.
 */
const LOAD_CLIENTS = { timeout: 120_000 };

/** A small deterministic PRNG (mulberry32), so every run draws the same mix. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Open TCP handles of this process: sockets (both ends of every connection) and servers. */
function tcpHandles(): { sockets: number; servers: number } {
  const info = process.getActiveResourcesInfo();
  return {
    sockets: info.filter((name) => name === 'TCPSocketWrap').length,
    servers: info.filter((name) => name === 'TCPServerWrap').length,
  };
}

/** One token collection: what the client believes it holds, and which tokens are free to use. */
interface Collection {
  readonly label: string;
  /** id → name, as the client believes the server holds it. */
  readonly believed: Map<string, string>;
  /** Every id this collection ever handed out, to catch phantom tokens in lists. */
  readonly everCreated: Set<string>;
  /** Ids no operation is using right now (an op claims its token, so ops never race). */
  readonly free: string[];
  create(name: string): Promise<{ id: string; name: string }>;
  get(id: string): Promise<{ id: string | undefined; name: string | undefined }>;
  list(): Promise<string[]>;
  patch(id: string, name: string): Promise<{ id: string | undefined; name: string | undefined }>;
  remove(id: string): Promise<void>;
  /** id → name as the server's store holds it. */
  stored(): Map<string, string>;
}

function collection(
  label: string,
  calls: Omit<Collection, 'label' | 'believed' | 'everCreated' | 'free'>,
): Collection {
  return { label, believed: new Map(), everCreated: new Set(), free: [], ...calls };
}

/** The two fields the load test tracks. */
const pick = (token: { id?: string | undefined; name?: string | undefined }) => ({
  id: token.id,
  name: token.name,
});

function losantCollection(f: Fixture, owner: LosantOwnerCase): Collection {
  const params = owner.params(f);
  const list = f.losant[`${owner.kind}ApiTokens`];
  const one = f.losant[`${owner.kind}ApiToken`];
  return collection(`losant ${owner.kind}`, {
    async create(name) {
      const created = await list.post({ ...params, apiToken: { name } } as never);
      f.watch.secret(created.token);
      return { id: String(created.id), name: String(created.name) };
    },
    get: async (id) => pick(await one.get({ ...params, apiTokenId: id } as never)),
    async list() {
      const page = await list.get({ ...params, perPage: 100 } as never);
      const items = page.items ?? [];
      expect(page.count).toBe(items.length);
      return items.map((item) => String(item.id));
    },
    patch: async (id, name) =>
      pick(await one.patch({ ...params, apiTokenId: id, apiToken: { name } } as never)),
    async remove(id) {
      expect(await one.delete({ ...params, apiTokenId: id } as never)).toEqual({ success: true });
    },
    stored: () =>
      new Map(f.mock.store.losant.list(owner.store(f)).map((token) => [token.id, token.name])),
  });
}

function instanaCollection(f: Fixture): Collection {
  const api = f.instana.apiTokens;
  const bodies = new Map<string, ReturnType<typeof newApiToken>>();
  const view = (token: { internalId: string; name: string }) => ({
    id: token.internalId,
    name: token.name,
  });
  return collection('instana', {
    async create(name) {
      const body = newApiToken({ name, canConfigureAgents: true });
      f.watch.secret(body.accessGrantingToken);
      bodies.set(body.internalId, body);
      return view(await api.postApiToken(body));
    },
    get: async (id) => view(await api.getApiToken(id)),
    list: async () => (await api.getApiTokens()).map((token) => token.internalId),
    async patch(id, name) {
      const body = bodies.get(id);
      if (body === undefined) throw new Error(`no body kept for ${id}`);
      const next = { ...body, name };
      bodies.set(id, next);
      return view(await api.putApiToken(id, next));
    },
    remove: (id) => api.deleteApiToken(id),
    stored: () =>
      new Map(f.mock.store.instana.list().map((token) => [token.internalId, token.name])),
  });
}

type Kind = 'create' | 'get' | 'list' | 'patch' | 'delete';

/** Runs one operation on `c`, checking its answer against what the client believes. */
async function runOne(c: Collection, kind: Kind, n: number): Promise<void> {
  if (kind === 'create') {
    const name = `load-${n}`;
    const created = await c.create(name);
    expect(created.name).toBe(name);
    c.believed.set(created.id, name);
    c.everCreated.add(created.id);
    c.free.push(created.id);
    return;
  }
  if (kind === 'list') {
    const ids = await c.list();
    for (const id of ids) expect(c.everCreated.has(id), `${c.label}: phantom ${id}`).toBe(true);
    return;
  }
  const id = c.free.splice(Math.floor(c.free.length / 2), 1)[0];
  if (id === undefined) return runOne(c, 'create', n);
  try {
    await useToken(c, kind, id, n);
  } catch (error) {
    // Every fault injected here leaves the request unprocessed: the token is as it was.
    c.free.push(id);
    throw error;
  }
}

/** Gets, renames or deletes one claimed token and records the effect. */
async function useToken(c: Collection, kind: Kind, id: string, n: number): Promise<void> {
  if (kind === 'get') {
    const token = await c.get(id);
    expect(token).toEqual({ id, name: c.believed.get(id) });
  } else if (kind === 'patch') {
    const name = `renamed-${n}`;
    const token = await c.patch(id, name);
    expect(token).toEqual({ id, name });
    c.believed.set(id, name);
  } else {
    await c.remove(id);
    c.believed.delete(id);
    return;
  }
  c.free.push(id);
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** Faults that leave a request unprocessed, so a failed call has changed nothing. */
const unprocessedFaults: ((f: Fixture, roll: number) => void)[] = [
  (f, roll) =>
    f.mock.faults.failNext(1, {
      status: [500, 502, 503, 504, 429][Math.floor(roll * 5)] ?? 503,
      retryAfter: 0,
    }),
  (f) => f.mock.faults.dropNext(1, { when: 'before-response' }),
  (f) => f.mock.faults.htmlErrorNext(1, { status: 502 }),
];

interface LoadRun {
  readonly errors: unknown[];
  readonly counts: Record<Kind, number>;
  readonly peakInFlight: number;
  readonly collections: Collection[];
}

/**
 * Runs `total` operations, `IN_FLIGHT` at a time, drawn from a fixed seed. With `chaos`, one
 * operation in five first injects a fault that the next request (any route) will meet.
 */
async function runLoad(f: Fixture, total: number, chaos: boolean): Promise<LoadRun> {
  // A little latency on every request, so 64 calls really are in flight together.
  f.mock.faults.latency({ ms: 2 });
  const collections = [...losantOwners.map((o) => losantCollection(f, o)), instanaCollection(f)];
  const draw = random(chaos ? 9 : 8);
  const kinds: [Kind, number][] = [
    ['create', 0.3],
    ['get', 0.2],
    ['list', 0.1],
    ['patch', 0.2],
    ['delete', 0.2],
  ];
  const pick = (): Kind => {
    let roll = draw();
    for (const [kind, weight] of kinds) {
      roll -= weight;
      if (roll < 0) return kind;
    }
    return 'create';
  };
  const errors: unknown[] = [];
  const counts: Record<Kind, number> = { create: 0, get: 0, list: 0, patch: 0, delete: 0 };
  let next = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const c = collections[Math.floor(draw() * collections.length)] as Collection;
      const kind = pick();
      if (chaos && draw() < 0.2) {
        const inject = unprocessedFaults[Math.floor(draw() * unprocessedFaults.length)];
        inject?.(f, draw());
      }
      counts[kind]++;
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      try {
        await runOne(c, kind, n);
      } catch (error) {
        errors.push(f.watch.error(error));
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { errors, counts, peakInFlight, collections };
}

/** The checks both runs share: store, sockets, rejections, secrets; then close and recheck. */
async function expectCleanEnd(f: Fixture, run: LoadRun, before: ReturnType<typeof tcpHandles>) {
  for (const c of run.collections) {
    expect(c.stored(), c.label).toEqual(c.believed);
  }
  // Keep-alive reuses connections: never more than one per call in flight (both ends count).
  expect(tcpHandles().sockets - before.sockets).toBeLessThanOrEqual(2 * IN_FLIGHT);
  // Let a late rejection surface before checking.
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
  expect(f.watch.leaks()).toEqual([]);
}

async function afterClose(before: ReturnType<typeof tcpHandles>) {
  // Once the server is closed, every socket of both ends goes away.
  await vi.waitFor(() => expect(tcpHandles()).toEqual(before), { timeout: 5000, interval: 20 });
  expect(unhandled).toEqual([]);
}

test(`${TOTAL} concurrent mixed operations (${IN_FLIGHT} in flight) leave no unhandled rejection, no open socket and a consistent store`, {
  timeout: 240_000,
}, async () => {
  const before = tcpHandles();
  const f = await startFixture(LOAD_CLIENTS);
  try {
    const run = await runLoad(f, TOTAL, false);
    expect(run.errors).toEqual([]);
    expect(run.peakInFlight).toBe(IN_FLIGHT);
    // Every kind had its share (list is drawn one time in ten).
    expect(Object.values(run.counts).every((count) => count >= 50)).toBe(true);
    // One request per operation: nothing was retried or sent twice.
    expect(f.mock.requests).toHaveLength(TOTAL);
    await expectCleanEnd(f, run, before);
  } finally {
    await f.close();
  }
  await afterClose(before);
});

test(`${CHAOS_TOTAL} concurrent mixed operations with a fault before one in five: only typed errors, failed calls changed nothing, no open socket`, {
  timeout: 240_000,
}, async () => {
  const before = tcpHandles();
  const f = await startFixture(LOAD_CLIENTS);
  try {
    const run = await runLoad(f, CHAOS_TOTAL, true);
    expect(run.errors.length).toBeGreaterThan(0);
    for (const error of run.errors) {
      const typed =
        error instanceof ServerError ||
        error instanceof RateLimitError ||
        error instanceof ConnectionError ||
        // A Losant create whose lost answer could not be checked (the check met a fault too).
        error instanceof CreateOutcomeUnknownError;
      expect(typed, describeOutcome({ ok: false, error })).toBe(true);
    }
    // Retries happened, and only for the idempotent methods.
    const retried = f.watch.lines.filter((line) => line.message.startsWith('Retrying'));
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.filter((line) => /^Retrying (POST|PATCH)/.test(line.message))).toEqual([]);
    await expectCleanEnd(f, run, before);
  } finally {
    await f.close();
  }
  await afterClose(before);
});
