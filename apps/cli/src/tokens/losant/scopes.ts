import { type Action, perform } from '../../cli/action.js';
import type { CommandContext } from '../../cli/context.js';
import type { LosantScopesJson } from '../json-shapes.js';

type OwnerKind = 'instance' | 'application' | 'user';

/** Options of `losant scopes`. */
export interface ScopesOptions {
  owner?: OwnerKind;
  json?: boolean | string;
}

/**
 * The scopes `--scope` accepts, from the schemas the client validates with. Losant's schema
 * groups them in families (application and organization scopes together, then instance, then
 * user); `--owner` picks the family meant for that kind of token.
 */
async function scopesFor(owner: OwnerKind | undefined): Promise<string[]> {
  const schemas = await import('@tokenkit/schemas/losant');
  switch (owner) {
    case 'application':
      return [...schemas.applicationScopes, ...schemas.organizationScopes];
    case 'instance':
      return [...schemas.instanceScopes];
    case 'user':
      return [...schemas.userScopes];
    default:
      return [...schemas.allScopes];
  }
}

/** `tokenkit losant scopes`: one scope a line, or `{ vendor, owner, scopes }` with `--json`. */
export const scopes: Action<OwnerKind | undefined, LosantScopesJson, LosantScopesJson> = {
  run: async (_context, owner) => ({
    vendor: 'losant',
    owner: owner ?? null,
    scopes: await scopesFor(owner),
  }),
  renderHuman: (output, result) => output.printLines(result.scopes),
  toJson: (result) => result,
};

export const listScopes = (context: CommandContext, options: ScopesOptions) =>
  perform(context, scopes, options.owner);
