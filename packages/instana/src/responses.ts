import { apiToken, apiTokenList } from '@tokenkit/schemas/instana';
import { responseValidator } from '@tokenkit/schemas/validator';

/** What an answer holding one token is checked with (zod-compiled on Node, on first use). */
export const tokenResponse = responseValidator(apiToken);

/** What the token list is checked with (zod-compiled on Node, on first use). */
export const tokenListResponse = responseValidator(apiTokenList);
