/**
 * POST and PATCH under injected faults: they are never sent twice once the server may have seen
 * them, so no token is ever created twice. Each fault is followed by a look at the mock's request
 * log (how many attempts arrived) and its store (how many tokens exist).
 */
import { createServer } from 'node:net';
import {
  ConnectionError,
  CreateOutcomeUnknownError,
  RateLimitError,
  type RequestOptions,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '@tokenkit/core';
import { createInstanaClient, newApiToken } from '@tokenkit/instana';
import { createLosantClient, createToken, losantTokenStore } from '@tokenkit/losant';
import { describe, expect, test, vi } from 'vitest';
import { type Fixture, startFixture } from './helpers/fixture.js';
import { attempts, type LosantOwnerCase, losantOwners } from './helpers/operations.js';
import { describeOutcome, type Outcome, settle } from './helpers/outcome.js';
import { SecretWatch } from './helpers/secret-watch.js';

/** A create or change, made ready against one fixture. */
interface PreparedWrite {
  call(options?: RequestOptions): Promise<unknown>;
  /** Asserts what a successful call returned. */
  checkResult(result: unknown): void;
  /** How many times the server applied the write (tokens with this name / changes seen). */
  timesApplied(): number;
}

interface WriteOperation {
  readonly name: string;
  readonly route: string;
  readonly method: 'POST' | 'PATCH';
  prepare(fixture: Fixture): PreparedWrite;
}

let sequence = 0;
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

function losantWrites(owner: LosantOwnerCase): WriteOperation[] {
  return [
    {
      // The engine's create (the CLI's `create`, rotation): it marks its request and so settles
      // a lost answer itself. The raw `post` deletes nothing after one (packages/losant tests).
      name: `losant createToken on ${owner.kind} tokens`,
      route: `${owner.kind}ApiTokens.post`,
      method: 'POST',
      prepare(f) {
        const name = uniqueName('created');
        const params = owner.params(f);
        const store = losantTokenStore(
          f.losant,
          owner.kind === 'user' ? { user: true } : (params as { instanceId: string }),
        );
        const timesApplied = () =>
          f.mock.store.losant.list(owner.store(f)).filter((token) => token.name === name).length;
        return {
          call: (options) => createToken(store, { name }, options),
          checkResult(result) {
            const created = result as { token: { name: string }; secret: string };
            f.watch.secret(created.secret);
            expect(created.token.name).toBe(name);
            expect(created.secret).toEqual(expect.any(String));
          },
          timesApplied,
        };
      },
    },
    {
      name: `losant ${owner.kind}ApiToken.patch`,
      route: `${owner.kind}ApiToken.patch`,
      method: 'PATCH',
      prepare(f) {
        const [token] = f.mock.store.losant.add(owner.store(f), 1);
        if (token === undefined) throw new Error('store.losant.add returned nothing');
        f.watch.secret(token.token);
        const name = uniqueName('patched');
        const resource = f.losant[`${owner.kind}ApiToken`];
        const timesApplied = () =>
          f.mock.store.losant.get(owner.store(f), token.id)?.name === name ? 1 : 0;
        return {
          call: (options) =>
            resource.patch(
              { ...owner.params(f), apiTokenId: token.id, apiToken: { name } } as never,
              options,
            ),
          checkResult: (result) => expect(result).toMatchObject({ id: token.id, name }),
          timesApplied,
        };
      },
    },
  ];
}

const instanaPost: WriteOperation = {
  name: 'instana postApiToken',
  route: 'postApiToken',
  method: 'POST',
  prepare(f) {
    const body = newApiToken({ name: uniqueName('created'), canConfigureAgents: true });
    f.watch.secret(body.accessGrantingToken);
    const timesApplied = () =>
      f.mock.store.instana.list().filter((token) => token.name === body.name).length;
    return {
      call: (options) => f.instana.apiTokens.postApiToken(body, options),
      checkResult: (result) =>
        expect(result).toMatchObject({ internalId: body.internalId, name: body.name }),
      timesApplied,
    };
  },
};

const allWrites: WriteOperation[] = [...losantOwners.flatMap(losantWrites), instanaPost];
// A create settles a lost answer itself (Losant finds the token it made by its one-time marker and
// deletes it, then creates once more; Instana reads its own client-chosen internalId back):
// creates have their own suite.
const isCreate = (op: WriteOperation) => op.method === 'POST';
const writeOperations = allWrites.filter((op) => !isCreate(op));

interface WriteScenario {
  readonly name: string;
  arrange(f: Fixture, op: WriteOperation): void;
  readonly options?: RequestOptions;
  /** The error the call must end with. */
  readonly error: abstract new (
    ...args: never[]
  ) => Error;
  /**
   * How many times the server applied the write in the end: 0 (never processed), 1, or
   * `as-seen`: once if the attempt reached the server, else never (a timed-out attempt on a
   * loaded machine may be abandoned before the server has read it).
   */
  readonly applied: 0 | 1 | 'as-seen';
  verify?(error: Error, f: Fixture): void;
}

const writeScenarios: WriteScenario[] = [
  {
    name: '503 with Retry-After: 0 is not retried: ServerError, nothing created',
    arrange: (f, op) => f.mock.faults.failNext(1, { route: op.route, status: 503, retryAfter: 0 }),
    error: ServerError,
    applied: 0,
    verify: (error) => expect((error as ServerError).status).toBe(503),
  },
  {
    name: '429 with Retry-After: 0 is not retried: RateLimitError, nothing created',
    arrange: (f, op) => f.mock.faults.failNext(1, { route: op.route, status: 429, retryAfter: 0 }),
    error: RateLimitError,
    applied: 0,
    verify: (error) => expect((error as RateLimitError).retryAfterMs).toBe(0),
  },
  {
    name: "a proxy's HTML 502 page is not retried: ServerError, nothing created",
    arrange: (f, op) => f.mock.faults.htmlErrorNext(1, { route: op.route }),
    error: ServerError,
    applied: 0,
  },
  {
    name: 'a connection dropped before the response is not retried: ConnectionError',
    arrange: (f, op) => f.mock.faults.dropNext(1, { route: op.route }),
    error: ConnectionError,
    applied: 0,
  },
  {
    name: 'a connection dropped mid-body is not retried: ConnectionError, applied exactly once',
    arrange: (f, op) => f.mock.faults.dropNext(1, { route: op.route, when: 'mid-body' }),
    error: ConnectionError,
    applied: 1,
  },
  {
    name: 'a truncated answer: ResponseValidationError, applied exactly once',
    arrange: (f, op) => f.mock.faults.truncateNext(1, { route: op.route }),
    error: ResponseValidationError,
    applied: 1,
  },
  {
    name: 'an attempt that times out is not retried: TimeoutError, applied exactly once later',
    arrange: (f, op) => f.mock.faults.latency({ route: op.route, ms: 2500 }),
    options: { timeout: 1000 },
    error: TimeoutError,
    applied: 'as-seen',
  },
];

function expectFailure(outcome: Outcome, type: WriteScenario['error']): Error {
  expect(outcome.ok, 'the call should have failed').toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(error, describeOutcome(outcome)).toBeInstanceOf(type);
  return error as Error;
}

describe.concurrent('POST and PATCH are never retried once the server may have seen them', () => {
  for (const op of writeOperations) {
    describe(op.name, () => {
      for (const scenario of writeScenarios) {
        test(scenario.name, async () => {
          const f = await startFixture();
          try {
            const prepared = op.prepare(f);
            scenario.arrange(f, op);
            const outcome = await settle(f.watch, () => prepared.call(scenario.options));
            const error = expectFailure(outcome, scenario.error);
            expect((error as { request?: { method: string } }).request?.method).toBe(op.method);
            scenario.verify?.(error, f);
            // A late-processed write (after a timeout) lands once the server's delay is over.
            await vi.waitFor(
              () => {
                const seen = attempts(f, op.route);
                expect(seen).toBeLessThanOrEqual(1);
                expect(prepared.timesApplied()).toBe(
                  scenario.applied === 'as-seen' ? seen : scenario.applied,
                );
              },
              { timeout: 6000, interval: 20 },
            );
            if (scenario.applied !== 'as-seen') expect(attempts(f, op.route)).toBe(1);
            expect(f.watch.lines.filter((line) => line.message.startsWith('Retrying'))).toEqual([]);

            // Done by hand once the fault has passed, the write lands, once in total.
            f.mock.faults.clear();
            if (scenario.applied === 0) {
              prepared.checkResult(await prepared.call());
              expect(prepared.timesApplied()).toBe(1);
              expect(attempts(f, op.route)).toBe(2);
            }
            expect(f.watch.leaks()).toEqual([]);
          } finally {
            await f.close();
          }
        });
      }
    });
  }
});

type CreateOutcome = 'created' | 'rate-limited' | 'unknown';

/** What a Losant create ends with under each fault: one token and its secret, or a clear error. */
const losantCreateOutcomes: Record<string, CreateOutcome> = {
  '503 with Retry-After: 0 is not retried: ServerError, nothing created': 'created',
  '429 with Retry-After: 0 is not retried: RateLimitError, nothing created': 'rate-limited',
  "a proxy's HTML 502 page is not retried: ServerError, nothing created": 'created',
  'a connection dropped before the response is not retried: ConnectionError': 'created',
  'a connection dropped mid-body is not retried: ConnectionError, applied exactly once': 'created',
  'a truncated answer: ResponseValidationError, applied exactly once': 'created',
  'an attempt that times out is not retried: TimeoutError, applied exactly once later': 'unknown',
};

/**
 * What an Instana create ends with: the client chose the internalId and the secret, so every lost
 * answer is settled by reading the token back (found: created; 404: sent again), even a timeout.
 */
const instanaCreateOutcomes: Record<string, CreateOutcome> = {
  ...Object.fromEntries(Object.keys(losantCreateOutcomes).map((name) => [name, 'created'])),
  '429 with Retry-After: 0 is not retried: RateLimitError, nothing created': 'rate-limited',
};

describe.concurrent('a create never leaves a token whose secret nobody holds', () => {
  for (const op of allWrites.filter(isCreate)) {
    const outcomes = op.name.startsWith('instana') ? instanaCreateOutcomes : losantCreateOutcomes;
    describe(op.name, () => {
      for (const scenario of writeScenarios) {
        const expected = outcomes[scenario.name];
        test(`${scenario.name.split(':')[0]}: ${expected}`, async () => {
          const f = await startFixture();
          try {
            const prepared = op.prepare(f);
            scenario.arrange(f, op);
            const outcome = await settle(f.watch, () => prepared.call(scenario.options));
            if (expected === 'created') {
              expect(outcome.ok, describeOutcome(outcome)).toBe(true);
              prepared.checkResult((outcome as { value: unknown }).value);
              expect(prepared.timesApplied()).toBe(1);
            } else if (expected === 'unknown') {
              // A timed-out create may still land: the error says to check, nothing is resent.
              expectFailure(outcome, CreateOutcomeUnknownError);
              await vi.waitFor(() => expect(prepared.timesApplied()).toBe(attempts(f, op.route)), {
                timeout: 6000,
                interval: 20,
              });
              expect(attempts(f, op.route)).toBeLessThanOrEqual(1);
            } else {
              // A 429 is an answer: nothing was created, nothing to settle.
              expectFailure(outcome, RateLimitError);
              expect(prepared.timesApplied()).toBe(0);
            }
            expect(f.watch.leaks()).toEqual([]);
          } finally {
            await f.close();
          }
        });
      }
    });
  }
});

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.concurrent('a refused connection proves the server saw nothing: POST is retried', () => {
  const expectRefusedAfterRetries = (outcome: Outcome, watch: SecretWatch) => {
    const error = expectFailure(outcome, ConnectionError) as ConnectionError;
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.request?.method).toBe('POST');
    const retries = watch.lines.filter((line) => line.message.startsWith('Retrying POST'));
    expect(retries).toHaveLength(2);
    expect(watch.leaks()).toEqual([]);
  };

  test('losant instanceApiTokens.post', async () => {
    const watch = new SecretWatch();
    const accessToken = 'losant-secret-access-token-0123456789';
    watch.secret(accessToken);
    const losant = createLosantClient({
      accessToken,
      url: `http://127.0.0.1:${await closedPort()}`,
      logger: watch.logger,
    });
    const outcome = await settle(watch, () =>
      losant.instanceApiTokens.post({
        instanceId: '0123456789abcdef01234567',
        apiToken: { name: 'never-arrives' },
      }),
    );
    expectRefusedAfterRetries(outcome, watch);
  });

  test('instana postApiToken', async () => {
    const watch = new SecretWatch();
    const apiToken = 'instana-secret-api-token-0123456789';
    const body = newApiToken({ name: 'never-arrives' });
    watch.secret(apiToken, body.accessGrantingToken);
    const instana = createInstanaClient({
      apiToken,
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      logger: watch.logger,
    });
    const outcome = await settle(watch, () => instana.apiTokens.postApiToken(body));
    expectRefusedAfterRetries(outcome, watch);
  });
});
