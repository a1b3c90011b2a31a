import type { ReplacementOverrides, TokenStore } from '@tokenkit/core';
// Values from the subpaths, not core's main entry: this module is loaded with the engine, on
// the first rotation, and should bring nothing more.
import { isNotFoundError, isPermissionDeniedError } from '@tokenkit/core/errors';
import { overlayDraft } from '@tokenkit/core/lifecycle';
import type { ApiToken, ApiTokenPostInput } from '@tokenkit/schemas/losant';
import { createMarked } from './marked-create.js';
import type { OwnerTokenCalls } from './owner-calls.js';

/** The Losant lifecycle store of one owner's tokens: a token is an `ApiToken`, a draft a create body. */
export type LosantTokenStore = TokenStore<ApiToken, ApiTokenPostInput>;

/** The fields a replacement carries over as they are (`expirationDate` as a span, below). */
const carried = ['description', 'scope', 'defaultRole', 'orgRoles', 'status'] as const;

/** The replacement's expiry: the one given (`null`: none), else the old lifetime from now. */
function replacementExpiry(old: ApiToken, given: string | null | undefined): string | undefined {
  if (given !== undefined) return given ?? undefined;
  if (old.expirationDate === undefined || old.creationDate === undefined) return undefined;
  const lifetime = Date.parse(old.expirationDate) - Date.parse(old.creationDate);
  return new Date(Date.now() + lifetime).toISOString();
}

/**
 * The replacement of `old`: same name, description, scope, roles and status, and the same
 * lifetime counted from now, with `overrides` applied (`overrides.draft`'s fields last, such as
 * a declared `scope` or `description`); `kept` names what was carried over.
 */
export function losantReplacement(
  old: ApiToken,
  overrides: ReplacementOverrides<ApiTokenPostInput>,
): { draft: ApiTokenPostInput; kept: string[] } {
  const draft: Record<string, unknown> = { name: overrides.name ?? old.name };
  const kept = overrides.name === undefined ? ['name'] : [];
  for (const field of carried) {
    if (old[field] === undefined || (field === 'status' && overrides.status !== undefined))
      continue;
    draft[field] = old[field];
    kept.push(field);
  }
  if (overrides.status !== undefined) draft.status = overrides.status;
  const expirationDate = replacementExpiry(old, overrides.expiresAt);
  if (expirationDate !== undefined) draft.expirationDate = expirationDate;
  if (overrides.expiresAt === undefined && old.expirationDate !== undefined)
    kept.push('expirationDate');
  return overlayDraft({ draft: draft as ApiTokenPostInput, kept }, overrides.draft);
}

/** The store over one owner's calls; `label` names the owner for messages. */
export function ownerTokenStore(calls: OwnerTokenCalls, label: string): LosantTokenStore {
  return {
    label,
    idOf: (token) => token.id ?? '',
    read: (id, options) => calls.read(id, options),
    create: (draft, options) => createMarked(calls, draft, options),
    update: (id, patch, options) => calls.patch(id, patch, options),
    async remove(id, options) {
      try {
        await calls.remove(id, options);
        return 'deleted';
      } catch (error) {
        if (isNotFoundError(error)) return 'absent';
        throw error;
      }
    },
    async deactivate(id, options) {
      await calls.patch(id, { status: 'inactive' }, options);
    },
    // Reading the new token itself with its own secret: the cheapest authenticated read each
    // owner has. Losant refuses an inactive token (401), so one is not checked.
    async verify(secret, token, options) {
      if (token.status === 'inactive') return 'skipped';
      try {
        await calls.readAs(secret, token.id ?? '', options);
        return 'valid';
      } catch (error) {
        if (isPermissionDeniedError(error)) return 'limited';
        throw error;
      }
    },
    replacement: losantReplacement,
  };
}
