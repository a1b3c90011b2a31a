/**
 * Property tests over the params of all 15 Losant actions: every input is either refused with
 * `RequestValidationError` before anything is sent, or produces one request the mock server
 * accepts (2xx). No secret appears in any error or log line of any test.
 */
import { RequestValidationError } from '@tokenkit/core';
import { createLosantClient } from '@tokenkit/losant';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  badObjectId,
  goodHeaderValue,
  goodListQuery,
  goodObjectId,
  goodPatchBody,
  goodPostBody,
  headerValue,
  listQueryMutations,
  mutated,
  notAString,
  patchBodyMutations,
  postBodyMutations,
} from './helpers/arbitraries.js';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { type LosantOwnerCase, losantOwners } from './helpers/operations.js';
import { settle } from './helpers/outcome.js';
import { expectBothOutcomes, refusedOrAccepted, tally } from './helpers/refused-or-accepted.js';

const NUM_RUNS = 100;
/**
 * On a machine loaded by the rest of the monorepo's tests, a property stops after 60 s and
 * passes with the runs it made, well inside its test's 120 s timeout.
 */
const LIMITS = { interruptAfterTimeLimit: 60_000 };

let f: Fixture;
/** One token per owner for get/patch, seeded for each test. */
const seeded = new Map<string, string>();

// A fresh mock server per test: a property that outlived its test could never disturb the next.
beforeEach(async () => {
  f = await startFixture({ maxRetries: 0 });
  for (const owner of losantOwners) {
    const [token] = f.mock.store.losant.add(owner.store(f), 1);
    if (token === undefined) throw new Error('store.losant.add returned nothing');
    f.watch.secret(token.token);
    seeded.set(owner.kind, token.id);
  }
});

afterEach(async () => {
  // Every error caught and every line logged in the test, against every secret it handled.
  expect(f.watch.leaks()).toEqual([]);
  await f.close();
});

/** The owner part of valid params, and what a mutation may do to it. */
function ownerPart(owner: LosantOwnerCase) {
  if (owner.kind === 'user') {
    // `/me` takes no id: a stray one is an unknown param.
    return { valid: fc.constant({}), mutations: { instanceId: fc.constant(f.instanceId) } };
  }
  const key = owner.kind === 'instance' ? 'instanceId' : 'applicationId';
  const real = owner.kind === 'instance' ? f.instanceId : f.applicationId;
  return {
    valid: goodObjectId(real).map((id) => ({ [key]: id })),
    mutations: { [key]: badObjectId(real) },
  };
}

/** Valid global params (the three flags and `losantdomain`), all optional. */
const goodGlobals = fc.record(
  {
    _actions: fc.boolean(),
    _links: fc.boolean(),
    _embedded: fc.boolean(),
    losantdomain: goodHeaderValue,
  },
  { requiredKeys: [] },
);

const globalMutations = {
  _actions: fc.constantFrom('true', 1, null),
  _links: fc.constantFrom('false', 0),
  losantdomain: fc.oneof(headerValue, notAString),
  perpage: fc.nat(),
  token: fc.string(),
};

/**
 * The params of one action: the owner's ids, the action's own params and the globals, all valid,
 * then mutated at zero to two places.
 */
function params(
  owner: LosantOwnerCase,
  own: fc.Arbitrary<Record<string, unknown>>,
  ownMutations: Record<string, fc.Arbitrary<unknown>>,
) {
  const part = ownerPart(owner);
  const valid = fc
    .tuple(part.valid, own, goodGlobals)
    .map(([ids, ownParams, globals]) => ({ ...ids, ...ownParams, ...globals }));
  return mutated(valid, { ...part.mutations, ...ownMutations, ...globalMutations });
}

const owners = fc.constantFrom(...losantOwners);
const withOwner = (
  build: (owner: LosantOwnerCase) => fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<[LosantOwnerCase, Record<string, unknown>]> =>
  owners.chain((owner) => fc.tuple(fc.constant(owner), build(owner)));

describe('Losant: every input is refused before sending or accepted by the server', {
  timeout: 120_000,
}, () => {
  test('list (…ApiTokens.get): owner ids, sort/page/filter params, globals, losantdomain', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) => params(owner, goodListQuery, listQueryMutations)),
        async ([owner, input]) => {
          const action = f.losant[`${owner.kind}ApiTokens`].get;
          await refusedOrAccepted(f, counts, () => action(input as never));
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('iterate (the three list resources): refused at once, or every page accepted, each token once', async () => {
    const counts = tally();
    // Big enough pages that a run costs a few requests, not dozens.
    const query = goodListQuery.map((q) => ({
      ...q,
      perPage: Math.max(20, Number(q.perPage ?? 100)),
    }));
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) => params(owner, query, listQueryMutations)),
        async ([owner, input]) => {
          f.mock.clearRequests();
          const outcome = await settle(f.watch, async () => {
            const ids: string[] = [];
            for await (const token of f.losant[`${owner.kind}ApiTokens`].iterate(input as never)) {
              ids.push(String(token.id));
            }
            return ids;
          });
          if (!outcome.ok) {
            expect(outcome.error).toBeInstanceOf(RequestValidationError);
            expect(f.mock.requests).toEqual([]);
            counts.refused++;
            return;
          }
          const statuses = f.mock.requests.map((entry) => entry.status);
          expect(statuses.length).toBeGreaterThan(0);
          expect(statuses.every((code) => code === 200)).toBe(true);
          const ids = outcome.value as string[];
          expect(new Set(ids).size).toBe(ids.length);
          counts.accepted++;
        },
      ),
      { numRuns: 60, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('create (…ApiTokens.post): names (255/256, control chars), scopes, dates, roles, unknown keys', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) =>
          params(
            owner,
            goodPostBody.map((apiToken) => ({ apiToken })),
            postBodyMutations,
          ),
        ),
        async ([owner, input]) => {
          const action = f.losant[`${owner.kind}ApiTokens`].post;
          const created = (await refusedOrAccepted(f, counts, () => action(input as never))) as
            | { token?: string; name?: string }
            | undefined;
          if (created === undefined) return;
          f.watch.secret(created.token);
          // What was accepted is what was stored.
          expect(created.name).toBe((input.apiToken as { name: string }).name);
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('get (…ApiToken.get): token ids in every shape', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) => {
          const id = seeded.get(owner.kind) as string;
          return params(
            owner,
            goodObjectId(id).map((apiTokenId) => ({ apiTokenId })),
            {
              apiTokenId: badObjectId(id),
            },
          );
        }),
        async ([owner, input]) => {
          const action = f.losant[`${owner.kind}ApiToken`].get;
          await refusedOrAccepted(f, counts, () => action(input as never));
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('patch (…ApiToken.patch): fields, fixed-at-creation fields, unknown keys', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) => {
          const id = seeded.get(owner.kind) as string;
          const own = fc
            .tuple(goodObjectId(id), goodPatchBody)
            .map(([apiTokenId, apiToken]) => ({ apiTokenId, apiToken }));
          return params(owner, own, { ...patchBodyMutations, apiTokenId: badObjectId(id) });
        }),
        async ([owner, input]) => {
          const action = f.losant[`${owner.kind}ApiToken`].patch;
          await refusedOrAccepted(f, counts, () => action(input as never));
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('delete (…ApiToken.delete): token ids in every shape, a fresh token each run', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        withOwner((owner) => {
          const [token] = f.mock.store.losant.add(owner.store(f), 1);
          if (token === undefined) throw new Error('store.losant.add returned nothing');
          f.watch.secret(token.token);
          return params(
            owner,
            goodObjectId(token.id).map((apiTokenId) => ({ apiTokenId })),
            {
              apiTokenId: badObjectId(token.id),
            },
          );
        }),
        async ([owner, input]) => {
          const action = f.losant[`${owner.kind}ApiToken`].delete;
          await refusedOrAccepted(f, counts, () => action(input as never));
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('header values (losantdomain, per-call headers, client headers) with CR/LF/NUL', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        headerValue,
        headerValue,
        headerValue,
        fc.constantFrom('x-trace', 'losantdomain', 'Accept-Version', 'bad header', 'x:y'),
        async (domain, perCall, clientValue, perCallName) => {
          await refusedOrAccepted(f, counts, () => {
            const client = createLosantClient({
              accessToken: f.mock.losant.accessToken,
              url: f.mock.url,
              maxRetries: 0,
              logger: f.watch.logger,
              headers: { 'x-client': clientValue },
            });
            const headers = { [perCallName]: perCall };
            return client.userApiTokens.get({ losantdomain: domain }, { headers });
          });
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('per-call options: timeouts, deadlines and retry counts of every type', async () => {
    const counts = tally();
    // Valid durations stay far above a loopback round trip: a real timeout is neither outcome.
    const notANumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.object());
    const duration = fc.oneof(
      fc.integer({ min: 10_000, max: 60_000 }),
      fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1e12, '100'),
      notANumber,
    );
    const options = fc.record(
      {
        timeout: duration,
        totalTimeout: duration,
        maxRetries: fc.oneof(
          fc.nat({ max: 3 }),
          fc.constantFrom(-1, 1.5, Number.NaN, '2'),
          notANumber,
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(options, async (input) => {
        await refusedOrAccepted(f, counts, () => f.losant.userApiTokens.get({}, input as never));
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('access tokens: padded, prefixed with the scheme, with whitespace or controls inside', async () => {
    const counts = tally();
    const real = () => f.mock.losant.accessToken;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            () => real(),
            () => ` ${real()} `,
            () => `Bearer ${real()}`,
            () => `bearer ${real()}`,
            () => `${real()}\n`,
            () => `${real().slice(0, 10)} ${real().slice(10)}`,
            () => `${real().slice(0, 10)}\u0000${real().slice(10)}`,
            () => '',
          ),
          notAString.map((value) => () => value),
        ),
        async (accessToken) => {
          await refusedOrAccepted(f, counts, () =>
            createLosantClient({
              accessToken: accessToken() as string,
              url: f.mock.url,
              maxRetries: 0,
              logger: f.watch.logger,
            }).userApiTokens.get(),
          );
        },
      ),
      { numRuns: 60, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });
});

describe('Losant: header values the transport cannot send are refused before sending', () => {
  // Browsers and undici refuse these in a header; the client must say so as bad input.
  for (const [label, value] of [
    ['a C0 control character (U+0001)', 'a\u0001b'],
    ['DEL (U+007F)', 'a\u007fb'],
    ['a code point above U+00FF (€)', 'price-€'],
  ] as const) {
    test(`losantdomain with ${label}: RequestValidationError naming headers.losantdomain, nothing sent`, async () => {
      f.mock.clearRequests();
      const outcome = await settle(f.watch, () =>
        f.losant.userApiTokens.get({ losantdomain: value }),
      );
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).field).toBe('headers.losantdomain');
      expect(f.mock.requests).toEqual([]);
    });
  }
});

describe('Losant: the url option is refused or works, and a password in it is never echoed', () => {
  const cases: [string, (origin: string) => string][] = [
    ['the origin', (origin) => origin],
    ['a trailing slash', (origin) => `${origin}/`],
    ['surrounding spaces', (origin) => ` ${origin} `],
    ['no scheme', (origin) => origin.replace('http://', '')],
    ['an ftp scheme', (origin) => origin.replace('http:', 'ftp:')],
    ['a query holding a secret', (origin) => `${origin}/?token=url-secret-query-123456`],
    [
      'a user name and password',
      (origin) => origin.replace('//', '//user:url-secret-password-123456@'),
    ],
  ];
  test.each(cases)('%s', async (_label, make) => {
    const counts = tally();
    f.watch.secret('url-secret-query-123456', 'url-secret-password-123456');
    await refusedOrAccepted(f, counts, () =>
      createLosantClient({
        accessToken: f.mock.losant.accessToken,
        url: make(f.mock.url),
        maxRetries: 0,
        logger: f.watch.logger,
      }).userApiTokens.get(),
    );
    expect(f.watch.leaks()).toEqual([]);
  });
});

describe('Losant: a malformed name reaches the server exactly as given', () => {
  test.each([
    ['255 code points', '😀'.repeat(255)],
    ['control characters', 'a\u0000b\r\nc\td\u007f'],
    ['a line separator', 'a\u2028b'],
  ])('%s', async (_label, name) => {
    const created = await f.losant.userApiTokens.post({ apiToken: { name } });
    f.watch.secret(created.token);
    expect(created.name).toBe(name);
    expect(f.mock.store.losant.get('user', created.id as string)?.name).toBe(name);
  });
});
