// The compiled validators the clients use on Node answer exactly as the schemas do: the same
// value for what passes, the same issues (paths, codes, messages) for what fails.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import * as instana from '../src/instana.js';
import * as losant from '../src/losant.js';
import { responseValidator as plain } from '../src/validator.js';
import { responseValidator as compiled } from '../src/validator-node.js';
import * as arb from './arbitraries.js';

/** A value with one field replaced by something of a wrong type or format. */
function spoiled(value: Record<string, unknown>, key: string, wrong: unknown) {
  return { ...value, [key]: wrong };
}

const wrongs = fc.constantFrom<unknown>(
  42,
  'x',
  '',
  null,
  true,
  {},
  [],
  [1],
  ['all.Nope'],
  '2026-02-30T00:00:00Z',
);

const cases: [string, core.$ZodType, fc.Arbitrary<Record<string, unknown>>][] = [
  ['losant apiToken', losant.apiToken, arb.apiToken],
  ['losant createdApiToken', losant.createdApiToken, arb.createdApiToken],
  ['losant apiTokens', losant.apiTokens, arb.apiTokens],
  ['instana apiToken', instana.apiToken, arb.instanaApiToken],
];

describe.each(cases)('%s', (_name, schema, valid) => {
  test('zod compiles it (no silent fall-back to the parser for every value)', () => {
    expect(() => core.compile(schema, { strict: true })).not.toThrow();
  });

  const fast = compiled(schema)['~standard'];
  const reference = schema['~standard'];

  test('a valid value gives the same output', () => {
    fc.assert(
      fc.property(valid, (value) => {
        const result = fast.validate(structuredClone(value));
        expect(result).toEqual(reference.validate(structuredClone(value)));
        expect(result).not.toHaveProperty('issues');
      }),
      { numRuns: 200 },
    );
  });

  test('a valid value is given back as it is: checked, not copied', () => {
    fc.assert(
      fc.property(valid, (value) => {
        expect(fast.validate(value)).toEqual({ value });
        expect((fast.validate(value) as { value: unknown }).value).toBe(value);
      }),
      { numRuns: 50 },
    );
  });

  test('a spoiled value gives the same issues', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        valid.filter((value) => Object.keys(value).length > 0),
        fc.nat(),
        wrongs,
        (value, index, wrong) => {
          const keys = Object.keys(value);
          const bad = spoiled(value, keys[index % keys.length] as string, wrong);
          const expected = reference.validate(structuredClone(bad)) as { issues?: unknown };
          expect(fast.validate(structuredClone(bad))).toEqual(expected);
          if (expected.issues) refused++;
        },
      ),
      { numRuns: 300 },
    );
    // The spoiled values really exercise the failure path.
    expect(refused).toBeGreaterThan(100);
  });
});

describe('a schema that builds its output is parsed, as zod would', () => {
  const builders: [string, core.$ZodType, unknown][] = [
    ['unknown keys dropped (z.object)', z.object({ a: z.string() }), { a: 'x', extra: 1 }],
    [
      'inside an open object',
      z.looseObject({ inner: z.object({ a: z.string() }) }),
      { inner: { a: 'x', extra: 1 } },
    ],
    ['a trimmed string', z.string().check(z.trim()), '  x  '],
    [
      'a transform',
      z.pipe(
        z.string(),
        z.transform((text) => text.length),
      ),
      'four',
    ],
    ['a default', z.looseObject({ a: z._default(z.string(), 'd') }), {}],
    ['a coerced number', z.coerce.number(), '12'],
    ['an array of them', z.array(z.string().check(z.toLowerCase())), ['A', 'b']],
  ];
  test.each(builders)('%s', (_name, schema, input) => {
    const expected = schema['~standard'].validate(structuredClone(input));
    const result = compiled(schema)['~standard'].validate(input) as { value: unknown };
    expect(result).toEqual(expected);
    expect(result.value).not.toBe(input);
  });
});

test.each<[string, core.$ZodType, unknown]>([
  ['nullable', z.nullable(z.string()), null],
  ['a union', z.union([z.number(), z.array(z.string())]), ['x']],
  ['a record', z.record(z.string(), z.looseObject({ n: z.int() })), { a: { n: 1, more: [] } }],
  ['non-optional', z.nonoptional(z.optional(z.looseObject({}))), { any: 'thing' }],
])('%s that builds nothing is checked, not copied', (_name, schema, input) => {
  const result = compiled(schema)['~standard'].validate(input);
  expect(result).toEqual(schema['~standard'].validate(structuredClone(input)));
  expect((result as { value: unknown }).value).toBe(input);
});

test('a recursive schema is left to the parse: the same output', () => {
  const tree: core.$ZodType = z.looseObject({
    get children() {
      return z.optional(z.array(tree));
    },
  });
  const input = { name: 'root', children: [{ children: [] }] };
  const result = compiled(tree)['~standard'].validate(input);
  expect(result).toEqual(tree['~standard'].validate(structuredClone(input)));
});

test('a schema with an async refinement still answers, through the parse', async () => {
  const schema = z.string().check(z.refine(async (text) => text.length > 1, 'too short'));
  const fast = compiled(schema)['~standard'];
  expect(await fast.validate('ok')).toEqual({ value: 'ok' });
  expect(await fast.validate('x')).toEqual(await schema['~standard'].validate('x'));
});

test('not an object at all: the same issue', () => {
  const fast = compiled(losant.apiTokens)['~standard'];
  for (const value of [null, 'x', [], 3]) {
    expect(fast.validate(value)).toEqual(losant.apiTokens['~standard'].validate(value));
  }
});

test('one validator per schema: endpoints that answer with the same schema share its compiled code', () => {
  expect(compiled(losant.apiToken)).toBe(compiled(losant.apiToken));
  expect(compiled(losant.apiTokens)).not.toBe(compiled(losant.apiToken));
});

test('outside Node the validator is the schema itself', () => {
  expect(plain(losant.apiToken)).toBe(losant.apiToken);
});
