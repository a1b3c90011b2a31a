import * as z from 'zod/mini';

// zod/mini's objects check a value key by key; classic zod's compile each shape into one
// function on first parse (zod's `$ZodObjectJIT`), which checks a Losant token in about 60%
// of the time (measured on 1,000 tokens). These are zod/mini objects on that parser: the same
// issues, paths, messages, types and `.shape`. Where `new Function` is refused (a Content
// Security Policy without 'unsafe-eval'), zod falls back to the key-by-key parser by itself.
// `$ZodObjectJIT` is exported since zod 4.1, hence the peer range `^4.1.0`.

// Typed once here: TypeScript calls an assertion (`init`) only through an annotated name.
const objectJit: z.core.$constructor<z.core.$ZodObject> = z.core.$ZodObjectJIT;
const miniType: z.core.$constructor<z.ZodMiniType> = z.ZodMiniType;

const ZodMiniObjectJit: z.core.$constructor<z.ZodMiniObject> = z.core.$constructor(
  // The trait name makes `instanceof z.ZodMiniObject` true, so zod/mini's object functions
  // (`z.extend`, `z.pick`, …) take these; their copies keep this constructor.
  'ZodMiniObject',
  (inst, def) => {
    objectJit.init(inst, def);
    miniType.init(inst, def);
    z.util.defineLazy(inst, 'shape', () => def.shape);
  },
);

type Params = string | z.core.$ZodObjectParams;
type Shape<T extends z.core.$ZodLooseShape> = z.util.Writeable<T>;

function build(
  shape: z.core.$ZodLooseShape,
  params: Params | undefined,
  catchall?: z.core.$ZodType,
) {
  return new ZodMiniObjectJit({
    type: 'object',
    shape,
    ...(catchall && { catchall }),
    ...z.util.normalizeParams(params),
  });
}

/** `z.object` (unknown keys stripped) on the compiled parser. */
export function object<T extends z.core.$ZodLooseShape>(shape: T, params?: Params) {
  return build(shape, params) as unknown as z.ZodMiniObject<Shape<T>, z.core.$strip>;
}

/** `z.looseObject` (unknown keys kept) on the compiled parser. */
export function looseObject<T extends z.core.$ZodLooseShape>(shape: T, params?: Params) {
  return build(shape, params, z.unknown()) as unknown as z.ZodMiniObject<Shape<T>, z.core.$loose>;
}

/** `z.strictObject` (unknown keys refused) on the compiled parser. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, params?: Params) {
  return build(shape, params, z.never()) as unknown as z.ZodMiniObject<Shape<T>, z.core.$strict>;
}
