/**
 * The JSON the token commands print with `--json`: stable for scripts (documented in the
 * README). Fields may be added; none is renamed or removed. With `--json a,b` a `list` prints an
 * array of objects holding only those fields, and a `get` one such object (`PickedFields`).
 */
import type { PermissionChange } from '@tokenkit/instana';
import type { InstanaTokenJson } from '../vendors/instana/types.js';
import type { LosantOwnerJson } from '../vendors/losant/owner.js';
import type { LosantTokenJson } from '../vendors/losant/types.js';

/** `losant tokens list`. `page` is `null` with `--all`. */
export interface LosantListJson {
  vendor: 'losant';
  owner: LosantOwnerJson;
  tokens: LosantTokenJson[];
  count: number;
  totalCount: number;
  page: number | null;
  perPage: number | null;
}

/** `losant tokens get` and `losant tokens update`. */
export interface LosantTokenResultJson {
  vendor: 'losant';
  owner: LosantOwnerJson;
  apiToken: LosantTokenJson;
}

/** `losant tokens create`: `token` is the new secret, printed this once. */
export interface LosantCreatedJson extends LosantTokenResultJson {
  token: string;
}

/** `losant tokens delete` and `instana tokens delete`; `deleted: false` after a "no" (exit 4). */
export interface DeletedJson {
  vendor: 'losant' | 'instana';
  owner?: LosantOwnerJson;
  id: string;
  deleted: boolean;
  cancelled?: true;
}

/** `losant scopes`: `owner` is the `--owner` given, or `null` for every scope. */
export interface LosantScopesJson {
  vendor: 'losant';
  owner: 'instance' | 'application' | 'user' | null;
  scopes: string[];
}

/** `instana tokens list`. */
export interface InstanaListJson {
  vendor: 'instana';
  tokens: InstanaTokenJson[];
  count: number;
}

/** `instana tokens get`. */
export interface InstanaTokenResultJson {
  vendor: 'instana';
  apiToken: InstanaTokenJson;
}

/** `instana tokens update`: what Instana stored differently from what was sent. */
export interface InstanaUpdatedJson extends InstanaTokenResultJson {
  changedPermissions: PermissionChange[];
}

/** `instana tokens create`: `token` is the new secret, printed this once. */
export interface InstanaCreatedJson extends InstanaUpdatedJson {
  token: string;
}

/** `instana permissions`. */
export interface InstanaPermissionsJson {
  vendor: 'instana';
  permissions: string[];
}

declare module '../output/json-shapes.js' {
  interface JsonShapes {
    losantList: LosantListJson;
    losantToken: LosantTokenResultJson;
    losantCreated: LosantCreatedJson;
    deleted: DeletedJson;
    losantScopes: LosantScopesJson;
    instanaList: InstanaListJson;
    instanaToken: InstanaTokenResultJson;
    instanaUpdated: InstanaUpdatedJson;
    instanaCreated: InstanaCreatedJson;
    instanaPermissions: InstanaPermissionsJson;
  }
}
