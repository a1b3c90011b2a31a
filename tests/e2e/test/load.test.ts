/**
 * 1,000 mixed operations (create, get, list, patch, delete) across both vendors and all four
 * token collections, 64 in flight at a time, against one mock server. They must end with no
 * unhandled rejection, no socket left open, every call successful, and the server's store
 * holding exactly what the clients believe they created, renamed and deleted.
 */
import { newApiToken } from '@tokenkit/instana';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { type LosantOwnerCase, losantOwners } from './helpers/operations.js';

const TOTAL = 1000;
const IN_FLIGHT = 64;

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
  const list = f.losant[`${owner.resource}ApiTokens`];
  const one = f.losant[`${owner.resource}ApiToken`];
  return collection(`losant ${owner.kind}`, {
    async create(name) {
      const created = await list.post({ ...params, apiToken: { name } } as never);
      f.watch.secret(created.token);
      return { id: String(created.id), name: String(created.name) };
    },
    get: async (id) => pick(await one.get({ ...params, apiTokenId: id } as never)),
    async list() {
      const page = await list.get({ ...params, perPage: 1000 } as never);
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

test(`${TOTAL} concurrent mixed operations (${IN_FLIGHT} in flight) leave no unhandled rejection, no open socket and a consistent store`, {
  timeout: 60_000,
}, async () => {
  const before = tcpHandles();
  const f = await startFixture();
  const errors: unknown[] = [];
  try {
    // A little latency on every request, so 64 calls really are in flight together.
    f.mock.faults.latency({ ms: 2 });
    const collections = [...losantOwners.map((o) => losantCollection(f, o)), instanaCollection(f)];
    const draw = random(8);
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
    let next = 0;
    let peakInFlight = 0;
    let inFlight = 0;
    const counts: Record<Kind, number> = { create: 0, get: 0, list: 0, patch: 0, delete: 0 };
    const worker = async () => {
      while (next < TOTAL) {
        const n = next++;
        const c = collections[Math.floor(draw() * collections.length)] as Collection;
        const kind = pick();
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

    expect(errors).toEqual([]);
    expect(peakInFlight).toBe(IN_FLIGHT);
    expect(Object.values(counts).every((count) => count > 100)).toBe(true);
    // One request per operation: nothing was retried or sent twice.
    expect(f.mock.requests).toHaveLength(TOTAL);
    for (const c of collections) {
      expect(c.stored(), c.label).toEqual(c.believed);
    }
    // Keep-alive reuses connections: never more than one per call in flight (both ends count).
    expect(tcpHandles().sockets - before.sockets).toBeLessThanOrEqual(2 * IN_FLIGHT);
    // Let a late rejection surface before checking.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
    expect(f.watch.leaks()).toEqual([]);
  } finally {
    await f.close();
  }
  // Once the server is closed, every socket of both ends goes away.
  await vi.waitFor(() => expect(tcpHandles()).toEqual(before), { timeout: 5000, interval: 20 });
  expect(unhandled).toEqual([]);
});
