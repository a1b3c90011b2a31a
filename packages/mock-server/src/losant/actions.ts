import {
  actionScopes,
  apiTokenPatch,
  apiTokenPost,
  applicationTokenPath,
  applicationTokensPath,
  instanceTokenPath,
  instanceTokensPath,
  type LosantAction,
  userTokenPath,
} from '@tokenkit/schemas/losant';
import * as z from 'zod';
import { APPLICATIONS_GET_SCOPES, listApplications } from './applications.js';
import type { ActionHandler } from './context.js';
import { applicationsQuery, tokensQuery } from './query.js';
import { createToken, deleteToken, getToken, listTokens, patchToken } from './tokens.js';

/** What one action takes (each part checked before anything else) and who may call it. */
export interface LosantActionSpec {
  /** A token needs at least one of these. */
  readonly scopes: readonly string[];
  readonly path?: z.ZodType;
  readonly query?: z.ZodType;
  /** The JSON body, checked as the parameter `apiToken`. */
  readonly body?: z.ZodType;
  readonly handle: ActionHandler;
}

const body = (schema: z.ZodType) => z.object({ apiToken: schema });

function tokenActions(
  prefix: 'instance' | 'application' | 'user',
  collectionPath: z.ZodType | undefined,
  itemPath: z.ZodType,
): Record<string, LosantActionSpec> {
  const spec = (action: LosantAction, parts: Omit<LosantActionSpec, 'scopes'>) => ({
    [action]: { scopes: actionScopes[action], ...parts },
  });
  return {
    ...spec(`${prefix}ApiTokens.get`, {
      ...(collectionPath === undefined ? {} : { path: collectionPath }),
      query: tokensQuery,
      handle: listTokens,
    }),
    ...spec(`${prefix}ApiTokens.post`, {
      ...(collectionPath === undefined ? {} : { path: collectionPath }),
      body: body(apiTokenPost),
      handle: createToken,
    }),
    ...spec(`${prefix}ApiToken.get`, { path: itemPath, handle: getToken }),
    ...spec(`${prefix}ApiToken.patch`, {
      path: itemPath,
      body: body(apiTokenPatch),
      handle: patchToken,
    }),
    ...spec(`${prefix}ApiToken.delete`, { path: itemPath, handle: deleteToken }),
  };
}

/** Every action the mock serves, by operation name. */
export const LOSANT_ACTIONS: Readonly<Record<string, LosantActionSpec>> = {
  'applications.get': {
    scopes: APPLICATIONS_GET_SCOPES,
    query: applicationsQuery,
    handle: listApplications,
  },
  ...tokenActions('instance', instanceTokensPath, instanceTokenPath),
  ...tokenActions('application', applicationTokensPath, applicationTokenPath),
  ...tokenActions('user', undefined, userTokenPath),
};
