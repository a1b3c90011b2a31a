/**
 * Property tests over the params of Instana's five operations and of `newApiToken`: every input
 * is either refused with `RequestValidationError` before anything is sent, or produces one
 * request the mock server accepts (2xx). No secret appears in any error or log line.
 */
import { RequestValidationError } from '@tokenkit/core';
import { createInstanaClient, newApiToken, permissionNames } from '@tokenkit/instana';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { goodHeaderValue, headerValue, mutated, notAString } from './helpers/arbitraries.js';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { settle } from './helpers/outcome.js';
import { expectBothOutcomes, refusedOrAccepted, tally } from './helpers/refused-or-accepted.js';

const NUM_RUNS = 100;
/**
 * On a machine loaded by the rest of the monorepo's tests, a property stops after 60 s and
 * passes with the runs it made, well inside its test's 120 s timeout.
 */
const LIMITS = { interruptAfterTimeLimit: 60_000 };

let f: Fixture;

// A fresh mock server per test: a property that outlived its test could never disturb the next.
beforeEach(async () => {
  f = await startFixture({ maxRetries: 0 });
  // The mock answers an empty collection with 404 (the client maps it to []): keep one listed.
  const [listed] = f.mock.store.instana.add(1);
  f.watch.secret(listed?.accessGrantingToken);
});

afterEach(async () => {
  // Every error caught and every line logged in the test, against every secret it handled.
  expect(f.watch.leaks()).toEqual([]);
  await f.close();
});

/** Any non-empty id, with the characters that matter in a URL path: `/`, `?`, `#`, `%`, spaces. */
const goodInternalId = fc.oneof(
  fc.stringMatching(/^[0-9a-v]{20}$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
  fc.constantFrom('a/b', 'a?b=c', '#frag', '%2F', '%', ' padded ', '..a', 'a..', '.a'),
);
const badInternalId = fc.oneof(fc.constantFrom('', '.', '..'), notAString);

/** A fresh secret; the property registers it with the watch before use. */
const secret = fc.stringMatching(/^[0-9a-v]{32}$/);

/** A valid token body: name, secret and a handful of permissions (internalId added by callers). */
const goodBody = fc
  .tuple(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    secret,
    fc.array(fc.tuple(fc.constantFrom(...permissionNames), fc.boolean()), { maxLength: 5 }),
  )
  .map(([name, accessGrantingToken, permissions]) => ({
    name,
    accessGrantingToken,
    ...Object.fromEntries(permissions),
  }));

/** Bad (or unusual) values for a body's fields: unknown keys are kept (the model is open). */
const bodyMutations = {
  body: notAString,
  'body.name': fc.oneof(fc.constantFrom('', 'n'.repeat(256)), notAString),
  // Only values no stored token can hold: a reused secret is a (correct) 400 from the server.
  'body.accessGrantingToken': fc.oneof(fc.constant(''), notAString),
  'body.canConfigureAgents': fc.oneof(fc.constantFrom('true', 1, 0, null), fc.boolean()),
  'body.limitedSAPScope': fc.oneof(fc.constantFrom('false', 'yes'), fc.boolean()),
  'body.canConfigureSomethingNew': fc.oneof(fc.boolean(), fc.string(), fc.integer()),
  'body.createdOn': fc.oneof(fc.constantFrom(1.5, '2026-01-01', -1), fc.integer()),
  'body.expiresOn': fc.oneof(fc.constant(null), fc.constant('never'), fc.nat()),
  'body.id': fc.oneof(fc.string(), fc.integer()),
};

/** Seeds a token under `internalId` (when it is addressable) so that a correct call answers 2xx. */
function seed(internalId: unknown): void {
  if (typeof internalId !== 'string' || internalId === '') return;
  if (f.mock.store.instana.get(internalId) !== undefined) return;
  const [token] = f.mock.store.instana.add([{ internalId }]);
  f.watch.secret(token?.accessGrantingToken);
}

/** Registers the secret of a body that may or may not be an object. */
function register(body: unknown): void {
  const value = (body as { accessGrantingToken?: unknown } | null)?.accessGrantingToken;
  if (typeof value === 'string') f.watch.secret(value);
}

const internalIdInput = fc.oneof({ arbitrary: goodInternalId, weight: 3 }, badInternalId);

describe('Instana: every input is refused before sending or accepted by the server', {
  timeout: 120_000,
}, () => {
  test('getApiToken: internalIds with /, ?, #, %, spaces, dots, empty, not a string', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(internalIdInput, async (internalId) => {
        seed(internalId);
        const token = await refusedOrAccepted(f, counts, () =>
          f.instana.apiTokens.getApiToken(internalId as string),
        );
        // An accepted id reached the right token: the path encoding round-trips.
        if (token !== undefined) expect(token).toMatchObject({ internalId });
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('deleteApiToken: the same ids, each seeded first', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(internalIdInput, async (internalId) => {
        seed(internalId);
        const before = f.mock.store.instana.list().length;
        const outcome = counts.accepted;
        await refusedOrAccepted(f, counts, () =>
          f.instana.apiTokens.deleteApiToken(internalId as string),
        );
        if (counts.accepted > outcome) {
          expect(f.mock.store.instana.get(internalId as string)).toBeUndefined();
          expect(f.mock.store.instana.list()).toHaveLength(before - 1);
        }
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('putApiToken: bodies with unknown keys, non-boolean permissions, empty names, mismatched ids', async () => {
    const counts = tally();
    const valid = fc
      .tuple(goodInternalId, goodBody, fc.boolean())
      .map(([id, body, exists]) => ({ id, exists, body: { ...body, internalId: id } }));
    const input = mutated(valid, {
      ...bodyMutations,
      id: badInternalId,
      'body.internalId': fc.oneof(fc.constant('some-other-id'), notAString),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ id, exists, body }) => {
        register(body);
        if (exists) seed(id);
        await refusedOrAccepted(f, counts, () =>
          f.instana.apiTokens.putApiToken(id as string, body as never),
        );
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('postApiToken: bodies with unknown keys, non-boolean permissions, empty names', async () => {
    const counts = tally();
    const valid = fc
      .tuple(fc.stringMatching(/^[0-9a-v]{20}$/), goodBody)
      .map(([internalId, body]) => ({ body: { ...body, internalId } }));
    const input = mutated(valid, {
      ...bodyMutations,
      'body.internalId': fc.oneof(fc.constant(''), notAString),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ body }) => {
        register(body);
        const created = await refusedOrAccepted(f, counts, () =>
          f.instana.apiTokens.postApiToken(body as never),
        );
        if (created !== undefined) {
          expect(created).toMatchObject({
            internalId: (body as { internalId: string }).internalId,
          });
        }
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('newApiToken then postApiToken: permission maps with unknown keys, wrong casing, non-booleans', async () => {
    const counts = tally();
    const valid = fc
      .tuple(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((n) => n.trim() !== ''),
        fc.array(fc.tuple(fc.constantFrom(...permissionNames), fc.boolean()), { maxLength: 6 }),
      )
      .map(([name, permissions]) => ({ params: { name, ...Object.fromEntries(permissions) } }));
    const input = mutated(valid, {
      params: notAString,
      'params.name': fc.oneof(fc.constantFrom('', '   ', '\t'), notAString),
      'params.canConfigureAgents': fc.oneof(fc.constantFrom('true', 1, null), fc.boolean()),
      'params.CanConfigureAgents': fc.boolean(),
      'params.canConfigureApiToken': fc.boolean(),
      'params.canConfigureSomethingNew': fc.boolean(),
      'params.internalId': fc.string(),
      'params.accessGrantingToken': fc.string(),
      'params.toString': fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ params }) => {
        await refusedOrAccepted(f, counts, () => {
          const body = newApiToken(params as never);
          f.watch.secret(body.accessGrantingToken);
          return f.instana.apiTokens.postApiToken(body);
        });
      }),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('header values (per-call and client headers) with CR/LF/NUL', async () => {
    const counts = tally();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(goodHeaderValue, headerValue),
        headerValue,
        fc.constantFrom('x-trace', 'Accept', 'bad header', 'x:y'),
        async (clientValue, perCall, perCallName) => {
          await refusedOrAccepted(f, counts, () =>
            createInstanaClient({
              apiToken: f.mock.instana.apiToken,
              baseUrl: f.mock.url,
              maxRetries: 0,
              logger: f.watch.logger,
              headers: { 'x-client': clientValue },
            }).apiTokens.getApiTokens({ headers: { [perCallName]: perCall } }),
          );
        },
      ),
      { numRuns: NUM_RUNS, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });

  test('API tokens: padded, prefixed with the scheme, with whitespace or controls inside', async () => {
    const counts = tally();
    const real = () => f.mock.instana.apiToken;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            () => real(),
            () => ` ${real()} `,
            () => `apiToken ${real()}`,
            () => `APITOKEN ${real()}`,
            () => `${real()}\t`,
            () => `${real().slice(0, 8)} ${real().slice(8)}`,
            () => `${real().slice(0, 8)}\u0000${real().slice(8)}`,
            () => '',
          ),
          notAString.map((value) => () => value),
        ),
        async (apiToken) => {
          await refusedOrAccepted(f, counts, () =>
            createInstanaClient({
              apiToken: apiToken() as string,
              baseUrl: f.mock.url,
              maxRetries: 0,
              logger: f.watch.logger,
            }).apiTokens.getApiTokens(),
          );
        },
      ),
      { numRuns: 60, ...LIMITS },
    );
    expectBothOutcomes(counts);
  });
});

describe('Instana: the baseUrl option is refused or works, and a password in it is never echoed', () => {
  const cases: [string, (origin: string) => string][] = [
    ['the origin', (origin) => origin],
    ['a trailing slash', (origin) => `${origin}/`],
    ['surrounding spaces', (origin) => ` ${origin} `],
    ['no scheme', (origin) => origin.replace('http://', '')],
    ['an ftp scheme', (origin) => origin.replace('http:', 'ftp:')],
    ['the /api path', (origin) => `${origin}/api`],
    ['a query holding a secret', (origin) => `${origin}/?token=url-secret-query-123456`],
    [
      'a user name and password',
      (origin) => origin.replace('//', '//user:url-secret-password-123456@'),
    ],
    ['plain http to a host that is not loopback', () => 'http://tenant-unit.instana.io'],
  ];
  test.each(cases)('%s', async (_label, make) => {
    const counts = tally();
    f.watch.secret('url-secret-query-123456', 'url-secret-password-123456');
    await refusedOrAccepted(f, counts, () =>
      createInstanaClient({
        apiToken: f.mock.instana.apiToken,
        baseUrl: make(f.mock.url),
        maxRetries: 0,
        logger: f.watch.logger,
      }).apiTokens.getApiTokens(),
    );
    expect(f.watch.leaks()).toEqual([]);
  });
});

describe('Instana: ids and header values the transport cannot send are refused before sending', () => {
  // The caller knows the id as `internalId`; core's own name for a path segment is `path[0]`.
  const ID_FIELD = /^(internalId|path\[0\])$/;
  const expectRefused = async (call: () => Promise<unknown>, field: string | RegExp) => {
    f.mock.clearRequests();
    const outcome = await settle(f.watch, call);
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toMatch(field);
    expect(f.mock.requests).toEqual([]);
  };

  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
  test('getApiToken with a lone surrogate in internalId: RequestValidationError, nothing sent', async () => {
    await expectRefused(() => f.instana.apiTokens.getApiToken('id-\uD800'), ID_FIELD);
  });

  test('deleteApiToken with a lone surrogate in internalId: RequestValidationError, nothing sent', async () => {
    await expectRefused(() => f.instana.apiTokens.deleteApiToken('\uDC00'), ID_FIELD);
  });

  test('a per-call header above U+00FF (€): RequestValidationError naming the header, nothing sent', async () => {
    await expectRefused(
      () => f.instana.apiTokens.getApiTokens({ headers: { 'x-note': 'price in €' } }),
      'headers.x-note',
    );
  });

  test('a per-call header with a C0 control (U+0001): RequestValidationError, nothing sent', async () => {
    await expectRefused(
      () => f.instana.apiTokens.getApiTokens({ headers: { 'x-note': 'a\u0001b' } }),
      'headers.x-note',
    );
  });
});
