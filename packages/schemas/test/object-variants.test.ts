// `#object` (package.json `imports`): Node loads object-node.ts, zod/mini objects on zod's
// compiled parser; browsers and other runtimes load object.ts, zod/mini's own objects. Both must
// answer the same, and each runtime's bundler must pick its own (this part reads dist/: build first).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { apiToken as instanaToken } from '../src/instana.js';
import { apiToken, apiTokens } from '../src/losant.js';
import * as plainObjects from '../src/object.js';
import * as compiledObjects from '../src/object-node.js';

const id = '0123456789abcdef01234567';
const cases: [z.ZodMiniObject, unknown][] = [
  [apiToken, { id, name: 'ci', scope: ['all.User'], _links: { self: {} } }],
  [apiToken, { id: 'x', name: '', creationDate: 'soon', scope: [''], extra: 1 }],
  [apiToken, null],
  [apiTokens, { items: [{ id }, { id: 7 }], count: 2 }],
  [instanaToken, { accessGrantingToken: 'a', internalId: 'b', name: 'c', canViewLogs: 'yes' }],
];

describe('object.ts (browsers) and object-node.ts (Node)', () => {
  test.each(cases)('%#: the same result for the same shape', (schema, value) => {
    type Maker = (shape: NonNullable<Parameters<typeof z.looseObject>[0]>) => z.ZodMiniType;
    const makers = (m: Record<'looseObject' | 'object' | 'strictObject', Maker>) => [
      m.looseObject,
      m.object,
      m.strictObject,
    ];
    const compiled = makers(compiledObjects);
    makers(plainObjects).forEach((make, index) => {
      expect(make(schema.shape).safeParse(value)).toEqual(
        compiled[index]?.(schema.shape).safeParse(value),
      );
    });
  });

  test("object.ts's are zod/mini's own objects; object-node.ts's parse on the compiled parser", () => {
    expect(plainObjects.looseObject).toBe(z.looseObject);
    expect(compiledObjects.looseObject({}).constructor).not.toBe(z.looseObject({}).constructor);
  });
});

/** The schemas modules an app bundled for `platform` holds (esbuild, from dist/). */
async function bundledObjectModules(platform: 'browser' | 'node'): Promise<string[]> {
  const result = await build({
    stdin: {
      contents:
        "import { apiToken } from '@tokenkit/schemas/losant'; console.log(apiToken.parse({}));",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => /dist\/object(-node)?\.js$/.test(input))
    .map((input) => input.replace(/.*dist\//, ''));
}

test("a browser bundle takes object.js, a Node one object-node.js (the package's `imports`)", async () => {
  expect(await bundledObjectModules('browser')).toEqual(['object.js']);
  expect(await bundledObjectModules('node')).toEqual(['object-node.js']);
});
