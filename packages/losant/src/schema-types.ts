/**
 * The schema types a caller of this package needs, so nothing has to be imported from
 * `@tokenkit/schemas` directly.
 */
export type {
  ApiToken,
  ApiTokenPatch,
  ApiTokenPatchInput,
  ApiTokenPost,
  ApiTokenPostInput,
  ApiTokenScope,
  ApiTokens,
  Application,
  ApplicationOwnerType,
  Applications,
  ApplicationsQuery,
  ApplicationsQueryInput,
  CreatedApiToken,
  ListQuery,
  ListQueryInput,
  LosantAction,
  LosantError,
  OrgRole,
  OrgRoleGrant,
  OwnerType,
  ResourceRole,
  ResourceRoleGrant,
  Success,
  TokenRole,
  TokenStatus,
} from '@tokenkit/schemas/losant';
