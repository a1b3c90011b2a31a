/**
 * `@tokenkit/schemas/validator` as Node.js loads it (the `node` export condition). Browsers
 * and other runtimes load `validator.ts`, which leaves zod's compiler out of their bundles.
 */
import { type $ZodType, compile, validate } from 'zod/v4/core';
import type { responseValidator as declared } from './validator.js';

type Validator = Pick<$ZodType, '~standard'>;
type Validate = Validator['~standard']['validate'];

// One validator per schema, so a schema that many endpoints answer with (a token: get and
// patch of each owner) is compiled once.
const validators = new WeakMap<$ZodType, Validator>();

/** What is read of a zod schema's definition. */
type Def = Record<string, unknown> & {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
};

/**
 * Schema types whose parse gives back what it was given when the schemas they wrap do too
 * (listed); `undefined`: never.
 */
const wrappers: Readonly<Record<string, (def: Def) => unknown[] | undefined>> = {
  optional: (def) => [def.innerType],
  nullable: (def) => [def.innerType],
  nonoptional: (def) => [def.innerType],
  array: (def) => [def.element],
  union: (def) => def.options as unknown[],
  record: (def) => [def.keyType, def.valueType],
  // Open (`looseObject`) or closed (`strictObject`): every key kept or the value refused. A
  // plain `z.object` drops unknown keys, so its output can differ from its input.
  object: (def) =>
    def.catchall === undefined ? undefined : [def.catchall, ...Object.values(def.shape as object)],
};
// `never` is a closed object's catchall: it refuses every value it is asked about.
const leaves = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'literal',
  'enum',
  'unknown',
  'any',
  'never',
]);

/**
 * True when `schema` builds nothing of its own: no transform, default, coercion, `overwrite`
 * check (trim, lower-case…), dropped key or frozen copy anywhere in it, so what it parses is
 * its input, checked. Anything else (including what this does not know) is false.
 */
function returnsItsInput(schema: unknown, open = new Set<unknown>()): boolean {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  // A schema met again inside itself (a recursive one): left to the parse.
  if (def === undefined || open.has(schema)) return false;
  if (def.coerce === true || def.checks?.some((check) => check._zod.def.check === 'overwrite')) {
    return false;
  }
  if (leaves.has(def.type)) return true;
  open.add(schema);
  const children = wrappers[def.type]?.(def);
  const answer = children?.every((child) => returnsItsInput(child, open)) ?? false;
  open.delete(schema);
  return answer;
}

/**
 * zod's compiled clone of `schema`. For a schema that {@link returnsItsInput}, a value is first
 * checked by zod's assert-only code (`validate`: the same checks, without building the copy a
 * parse returns) and given back as it is: a page of 1,000 tokens then leaves no checked copy
 * behind for the garbage collector. A value it refuses (or a schema that builds its output) goes
 * through the compiled parse, so issues, paths and messages are those of `schema`.
 */
function compiledValidate(schema: $ZodType): Validate {
  const compiled = compile(schema);
  const parse = compiled['~standard'].validate;
  if (!returnsItsInput(schema)) return parse;
  return (value) => {
    try {
      if (validate(compiled, value)) return { value };
    } catch {
      // An async refinement: only the parse can answer (with a promise).
    }
    return parse(value);
  };
}

function lazilyCompiled(schema: $ZodType): Validator {
  let check: Validate | undefined;
  return {
    '~standard': {
      version: 1,
      vendor: 'zod',
      validate: (value) => {
        check ??= compiledValidate(schema);
        return check(value);
      },
    },
  };
}

/**
 * The Standard Schema validator the tokenkit clients check responses with: zod's compiled
 * clone of `schema` (`z.compile`), made on first use so that loading a client compiles
 * nothing, and once per schema. A value the compiled code rejects, or a schema it cannot
 * compile, goes through zod's own parser, so issues, paths and messages are those of `schema`.
 * A valid answer to a schema that builds nothing of its own (open or closed objects, arrays,
 * checked strings, numbers and enums) is returned as it was given, not copied.
 */
export const responseValidator = ((schema: $ZodType) => {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = lazilyCompiled(schema);
    validators.set(schema, validator);
  }
  return validator;
}) as typeof declared;
