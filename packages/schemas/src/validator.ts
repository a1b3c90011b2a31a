import type * as core from 'zod/v4/core';

/**
 * The Standard Schema validator the tokenkit clients check responses with: `schema` itself
 * here. On Node (the `node` export condition, `validator-node.ts`) it is zod's compiled clone
 * of `schema`, made on first use: the same answers, faster, without zod's compiler in a
 * browser bundle.
 *
 * @example
 * const http = createHttpClient({ baseUrl });
 * await http.request({ method: 'GET', path: '/tokens', responseSchema: responseValidator(apiTokens) });
 */
export function responseValidator<S extends core.$ZodType>(schema: S): Pick<S, '~standard'> {
  return schema;
}
