import { describe, expect, test } from 'vitest';
import {
  ApiError,
  type ApiErrorInit,
  ConnectionError,
  isCreateAnswerLost,
  overlayDraft,
  RequestValidationError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '../src/index.js';
import { rotationSignal } from '../src/lifecycle/check-params.js';
import { oldAfterFailedRevoke, replacementAfter, revokedState } from '../src/lifecycle/outcomes.js';

const request = { method: 'POST', url: 'https://example.test/tokens', headers: {} };
function init(status: number): ApiErrorInit {
  const none = { body: undefined, vendorType: undefined, vendorMessage: undefined };
  return { status, message: `status ${status}`, request, requestId: undefined, ...none };
}
function invalid(kind: 'invalid-json' | 'schema') {
  return new ResponseValidationError('bad', {
    kind,
    issues: [],
    status: 201,
    requestId: undefined,
    request,
  });
}
const lost = new ServerError(init(502));
const answered = new ApiError(init(409));

describe('the pure decisions of the engine', () => {
  test.each([
    ['deleted', 'deleted'],
    ['absent', 'deleted'],
    [{ failed: lost }, 'unknown'],
    [{ failed: new ConnectionError('reset', { code: 'ECONNRESET' }) }, 'unknown'],
    [{ failed: answered }, 'kept'],
  ] as const)('a replacement whose removal was %o is %s', (removal, state) => {
    expect(replacementAfter(removal)).toBe(state);
  });

  test.each([
    [lost, 'unknown'],
    [new TimeoutError('slow', { kind: 'attempt', timeoutMs: 1 }), 'unknown'],
    [answered, 'untouched'],
    [new ConnectionError('refused', { code: 'ECONNREFUSED' }), 'untouched'],
  ] as const)('an old token whose revoke failed with %s is %s', (error, state) => {
    expect(oldAfterFailedRevoke(error)).toBe(state);
  });

  test('revoked states', () => {
    expect([revokedState('delete'), revokedState('deactivate')]).toEqual([
      'deleted',
      'deactivated',
    ]);
  });

  test.each([
    [lost, true],
    [invalid('invalid-json'), true],
    [invalid('schema'), true],
    [answered, false],
    [new RequestValidationError('no', { field: 'name' }), false],
    [new Error('plain'), false],
  ] as const)('isCreateAnswerLost(%s) is %s', (error, expected) => {
    expect(isCreateAnswerLost(error)).toBe(expected);
  });

  test('one signal from the rotation and the call', () => {
    const a = new AbortController();
    const b = new AbortController();
    expect(rotationSignal(undefined, undefined)).toBeUndefined();
    expect(rotationSignal(a.signal, undefined)).toBe(a.signal);
    const both = rotationSignal(a.signal, b.signal);
    b.abort();
    expect(both?.aborted).toBe(true);
  });
});

describe('overlayDraft', () => {
  const built = {
    draft: { name: 'ci', scope: ['a'], note: 'x', canRead: true },
    kept: ['name', 'scope', 'note', 'flags'],
  };

  test('sets given fields, leaves out undefined ones, and drops both from kept', () => {
    const result = overlayDraft(built, { scope: ['b'], note: undefined });
    expect(result.draft).toEqual({ name: 'ci', scope: ['b'], canRead: true });
    expect(result.kept).toEqual(['name', 'flags']);
  });

  test('drops a kept group when any of its fields is given, and changes nothing without a draft', () => {
    expect(overlayDraft(built, { canRead: false }, { flags: ['canRead'] }).kept).toEqual([
      'name',
      'scope',
      'note',
    ]);
    expect(overlayDraft(built, undefined)).toBe(built);
  });
});
