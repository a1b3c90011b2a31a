/**
 * Every scope a Losant API token can be created with (API v1.30.0), re-exported so that a
 * caller (a CLI listing or suggesting scopes) needs nothing but `@tokenkit/losant`. The
 * families are Losant's own: application-level, organization-level, instance-level and
 * user-level scopes; `allScopes` is all four. Losant's schema does not tie a family to a token
 * owner, so no per-owner restriction is implied here.
 */
export {
  allScopes,
  applicationScopes,
  instanceScopes,
  organizationScopes,
  userScopes,
} from '@tokenkit/schemas/losant';
