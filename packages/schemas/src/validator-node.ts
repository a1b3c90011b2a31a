/**
 * `@tokenkit/schemas/validator` as Node.js loads it (the `node` export condition). Browsers
 * and other runtimes load `validator.ts`, which leaves zod's compiler out of their bundles.
 */
import { type $ZodType, compile } from 'zod/v4/core';
import type { responseValidator as declared } from './validator.js';

type Validator = Pick<$ZodType, '~standard'>;

// One validator per schema, so a schema that many endpoints answer with (a token: get and
// patch of each owner) is compiled once.
const validators = new WeakMap<$ZodType, Validator>();

function lazilyCompiled(schema: $ZodType): Validator {
  let validate: Validator['~standard']['validate'] | undefined;
  return {
    '~standard': {
      version: 1,
      vendor: 'zod',
      validate: (value) => {
        validate ??= compile(schema)['~standard'].validate;
        return validate(value);
      },
    },
  };
}

/**
 * The Standard Schema validator the tokenkit clients check responses with: zod's compiled
 * clone of `schema` (`z.compile`), made on first use so that loading a client compiles
 * nothing, and once per schema. A value the compiled code rejects, or a schema it cannot
 * compile, goes through zod's own parser, so issues, paths and messages are those of `schema`.
 */
export const responseValidator = ((schema: $ZodType) => {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = lazilyCompiled(schema);
    validators.set(schema, validator);
  }
  return validator;
}) as typeof declared;
