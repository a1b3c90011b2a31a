/**
 * `@tokenkit/schemas/validator` as Node.js loads it (the `node` export condition). Browsers
 * and other runtimes load `validator.ts`, which leaves zod's compiler out of their bundles.
 */
import { compile } from 'zod/v4/core';
import type { responseValidator as declared } from './validator.js';

/**
 * The Standard Schema validator the tokenkit clients check responses with: zod's compiled
 * clone of `schema` (`z.compile`), made on first use so that loading a client compiles
 * nothing. A value the compiled code rejects, or a schema it cannot compile, goes through
 * zod's own parser, so issues, paths and messages are those of `schema`.
 */
export const responseValidator: typeof declared = (schema) => {
  let validate: (typeof schema)['~standard']['validate'] | undefined;
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
};
