import { inspect } from 'node:util';
import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as errorsSubpath from '../src/error-exports.js';
import {
  CreateOutcomeUnknownError,
  createHttpClient,
  createTokenAuth,
  isCreateOutcomeUnknownError,
  isRotationError,
  isTokenDeliveryError,
  isTokenkitError,
  RotationError,
  TokenDeliveryError,
  TokenkitError,
} from '../src/index.js';

const token = 'auth-token-never-shown-0001';
const secret = 'replacement-secret-never-shown-0002';

let server: RecordingServer;
beforeAll(async () => {
  // Echoes the bearer token back, as a careless server might.
  server = await startHandlerServer((request, response) =>
    json(response, 500, { message: `failed for ${request.headers.authorization}` }),
  );
});
afterAll(() => server.close());

/** A real error from core: a 500 whose body echoes the credential. */
async function serverError(): Promise<unknown> {
  const http = createHttpClient({
    baseUrl: server.url,
    auth: createTokenAuth({ scheme: 'Bearer', token }),
    maxRetries: 0,
  });
  return http.request({ method: 'DELETE', path: '/tokens/old' }).catch((error: unknown) => error);
}

/** Everything a person or a log could see of an error. */
function everything(error: Error): string {
  return [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10 })].join(
    '\n',
  );
}

describe('RotationError', () => {
  test('holds the step, the ids and what became of each token', async () => {
    const cause = await serverError();
    const error = new RotationError(
      'the replacement 6b0d… was created and delivered; deleting the old token old failed',
      {
        step: 'revoke',
        oldTokenId: 'old',
        replacementId: '6b0d',
        replacement: 'kept',
        old: 'untouched',
        cause,
      },
    );
    expect(error).toBeInstanceOf(TokenkitError);
    expect(isTokenkitError(error)).toBe(true);
    expect(isRotationError(error)).toBe(true);
    expect(isCreateOutcomeUnknownError(error)).toBe(false);
    expect(error).toMatchObject({
      name: 'RotationError',
      step: 'revoke',
      oldTokenId: 'old',
      replacementId: '6b0d',
      replacement: 'kept',
      old: 'untouched',
    });
    expect(error.cause).toBe(cause);
    expect(Object.keys(error)).not.toContain('cause');
    expect(error.toJSON()).toMatchObject({
      name: 'RotationError',
      step: 'revoke',
      cause: { name: 'ServerError', status: 500, request: { method: 'DELETE' } },
    });
    expect(everything(error)).not.toContain(token);
  });

  test("a cause that is not core's shows only its name: its message may quote the secret", () => {
    const cause = new Error(`delivery command failed: echo ${secret}`);
    const error = new RotationError('the replacement was deleted because delivery failed', {
      step: 'deliver',
      oldTokenId: 'old',
      replacementId: '6b0d',
      replacement: 'deleted',
      old: 'untouched',
      cause,
    });
    expect(error.toJSON().cause).toEqual({ name: 'Error' });
    expect(everything(error)).not.toContain(secret);
    expect(new RotationError('x', { ...error, cause: 'text' }).toJSON().cause).toBe('string');
  });
});

describe('CreateOutcomeUnknownError', () => {
  test('holds the candidate ids and the cause', async () => {
    const cause = await serverError();
    const candidates = ['a1', 'b2'];
    const error = new CreateOutcomeUnknownError('two tokens named ci were created just now', {
      candidateIds: candidates,
      cause,
    });
    candidates.push('c3');
    expect(isCreateOutcomeUnknownError(error)).toBe(true);
    expect(isRotationError(error)).toBe(false);
    expect(error.candidateIds).toEqual(['a1', 'b2']);
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toMatchObject({
      name: 'CreateOutcomeUnknownError',
      message: 'two tokens named ci were created just now',
      candidateIds: ['a1', 'b2'],
      cause: { name: 'ServerError' },
    });
    expect(everything(error)).not.toContain(token);
  });

  test('guards accept a copy from another install and reject look-alikes', () => {
    for (const name of ['RotationError', 'CreateOutcomeUnknownError']) {
      const foreign = Object.assign(new Error('x'), { name });
      expect(isRotationError(foreign) || isCreateOutcomeUnknownError(foreign)).toBe(false);
      Object.defineProperty(foreign, Symbol.for('@tokenkit/core/error'), { value: true });
      expect(isRotationError(foreign) || isCreateOutcomeUnknownError(foreign)).toBe(true);
    }
  });
});

describe('TokenDeliveryError', () => {
  test('holds the new id and what became of it; a foreign cause shows only its name', () => {
    const cause = new Error(`exec failed: echo ${secret}`);
    const error = new TokenDeliveryError('delivery failed; the new token t1 was deleted', {
      tokenId: 't1',
      token: 'deleted',
      cause,
    });
    expect(isTokenkitError(error)).toBe(true);
    expect(isTokenDeliveryError(error)).toBe(true);
    expect(isRotationError(error)).toBe(false);
    expect(error).toMatchObject({ name: 'TokenDeliveryError', tokenId: 't1', token: 'deleted' });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toMatchObject({
      tokenId: 't1',
      token: 'deleted',
      cause: { name: 'Error' },
    });
    expect(everything(error)).not.toContain(secret);
    expect(
      isTokenDeliveryError(Object.assign(new Error('x'), { name: 'TokenDeliveryError' })),
    ).toBe(false);
  });
});

test('@tokenkit/core/errors, which vendor packages re-export whole, holds the new names', () => {
  expect(errorsSubpath).toMatchObject({
    isAnswerLost: expect.any(Function),
    RotationError,
    isRotationError,
    CreateOutcomeUnknownError,
    isCreateOutcomeUnknownError,
    TokenDeliveryError,
    isTokenDeliveryError,
  });
});
