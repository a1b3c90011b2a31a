/**
 * What response validation costs without the network: `JSON.parse` of a canned body, then the
 * same plus the schema's own parser, then plus `responseValidator` (on Node zod's compiled
 * clone, what the clients check answers with). Interleaved samples, medians.
 */
import { importThrough } from './contenders.mjs';
import { singleTokenBody, tokenPageBody } from './fixtures.mjs';
import { msSince, summarize } from './stats.mjs';

/**
 * @param {{ tokens: number }} options 1: one token (apiToken schema); more: a page of that
 *   many tokens (apiTokens schema)
 * @returns {Promise<{ tokens: number, schema: string, parseMs: import('./stats.mjs').Summary,
 *   parseAndSchemaMs: import('./stats.mjs').Summary, schemaUsPerToken: number,
 *   parseAndValidatorMs: import('./stats.mjs').Summary, validatorUsPerToken: number }>}
 */
export async function validationCost({ tokens }) {
  const schemas = await importThrough('packages/losant', '@tokenkit/schemas/losant');
  const page = tokens > 1;
  const { responseValidator } = await importThrough(
    'packages/losant',
    '@tokenkit/schemas/validator',
  );
  const schema = page ? schemas.apiTokens : schemas.apiToken;
  const { validate } = responseValidator(schema)['~standard'];
  const body = page
    ? tokenPageBody({ total: tokens, perPage: tokens, page: 0 })
    : singleTokenBody();
  // Enough repetitions per sample for about 1,000 tokens' work.
  const reps = Math.max(1, Math.round(1_000 / tokens));
  const parse = () => {
    for (let i = 0; i < reps; i++) JSON.parse(body);
  };
  const check = () => {
    for (let i = 0; i < reps; i++) schema.parse(JSON.parse(body));
  };
  const checkCompiled = () => {
    for (let i = 0; i < reps; i++) {
      if (validate(JSON.parse(body)).issues) throw new Error('the canned body is not valid');
    }
  };
  const parseMs = [];
  const parseAndSchemaMs = [];
  const parseAndValidatorMs = [];
  for (let i = 0; i < 5; i++) {
    parse();
    check();
    checkCompiled();
  }
  for (let i = 0; i < 15; i++) {
    let start = process.hrtime.bigint();
    parse();
    parseMs.push(msSince(start) / reps);
    start = process.hrtime.bigint();
    check();
    parseAndSchemaMs.push(msSince(start) / reps);
    start = process.hrtime.bigint();
    checkCompiled();
    parseAndValidatorMs.push(msSince(start) / reps);
  }
  const a = summarize(parseMs);
  const b = summarize(parseAndSchemaMs);
  const c = summarize(parseAndValidatorMs);
  return {
    tokens,
    schema: page ? 'apiTokens' : 'apiToken',
    parseMs: a,
    parseAndSchemaMs: b,
    schemaUsPerToken: ((b.median - a.median) * 1000) / tokens,
    parseAndValidatorMs: c,
    validatorUsPerToken: ((c.median - a.median) * 1000) / tokens,
  };
}
