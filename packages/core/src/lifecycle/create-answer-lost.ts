import { isAnswerLost } from '../answer-lost.js';
import { isResponseValidationError } from '../guards.js';

/**
 * True when a create may have made a token whose secret the caller did not get: every lost
 * answer (see `isAnswerLost`), and also a create answer that fails its schema (a 201 whose
 * secret a proxy removed or masked): the token exists, but its answer cannot be read.
 *
 * | error                                                    | create answer lost |
 * | -------------------------------------------------------- | ------------------ |
 * | anything `isAnswerLost` counts                           | yes                |
 * | `ResponseValidationError` with `kind: 'schema'`          | yes                |
 * | other errors (4xx, refused connection, bad input, abort) | no                 |
 */
export function isCreateAnswerLost(error: unknown): boolean {
  return isAnswerLost(error) || (isResponseValidationError(error) && error.kind === 'schema');
}
