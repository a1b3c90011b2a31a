// `#object` as Node loads it (package.json `imports`, condition `node`); elsewhere `object.ts`.
import * as z from 'zod/mini';
// Imported apart: reaching core through `z.core.…` makes a bundler keep all of core's exports
// (every locale included).
import * as core from 'zod/v4/core';

// zod/mini's objects check a value key by key; classic zod's compile each shape into one
// function on first parse (zod's `$ZodObjectJIT`), which checks a Losant token in about 60%
// of the time (measured on 1,000 tokens). These are zod/mini objects on that parser: the same
// issues, paths, messages, types and `.shape`. Where `new Function` is refused (a Content
// Security Policy without 'unsafe-eval'), zod falls back to the key-by-key parser by itself.
// `$ZodObjectJIT` is exported since zod 4.1, hence the peer range `^4.1.0`.

// Typed once here: TypeScript calls an assertion (`init`) only through an annotated name.
const objectJit: core.$constructor<core.$ZodObject> = core.$ZodObjectJIT;
const miniType: core.$constructor<z.ZodMiniType> = z.ZodMiniType;

const ZodMiniObjectJit: core.$constructor<z.ZodMiniObject> = core.$constructor(
  // The trait name makes `instanceof z.ZodMiniObject` true, so zod/mini's object functions
  // (`z.extend`, `z.pick`, …) take these; their copies keep this constructor.
  'ZodMiniObject',
  (inst, def) => {
    objectJit.init(inst, def);
    miniType.init(inst, def);
    Object.defineProperty(inst, 'shape', { get: () => def.shape, configurable: true });
  },
);

/** The same object (its definition made by zod/mini itself) on the compiled parser. */
function compiled<T extends z.ZodMiniObject>(object: T): T {
  return new ZodMiniObjectJit(object._zod.def) as unknown as T;
}

type Params = Parameters<typeof z.object>[1];

/** `z.object` (unknown keys stripped) on the compiled parser. */
export function object<T extends core.$ZodLooseShape>(shape: T, params?: Params) {
  return compiled(z.object(shape, params));
}

/** `z.looseObject` (unknown keys kept) on the compiled parser. */
export function looseObject<T extends core.$ZodLooseShape>(shape: T, params?: Params) {
  return compiled(z.looseObject(shape, params));
}

/** `z.strictObject` (unknown keys refused) on the compiled parser. */
export function strictObject<T extends core.$ZodLooseShape>(shape: T, params?: Params) {
  return compiled(z.strictObject(shape, params));
}
