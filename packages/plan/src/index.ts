export {
  type AppliedRecord,
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  type FailedRecord,
} from './apply.js';
export type { SecretFileProblem } from './deliver/errors.js';
export { DeliveryError, type DeliveryOptions } from './deliver-target.js';
export { type DurationRules, parseDuration } from './duration.js';
export { type FileIssue, PruneScopeError, TokensFileError } from './errors.js';
export { FILL_IN, type ImportedFile, type ImportSources, importTokens } from './import.js';
export { parseLifetime } from './lifetime.js';
export { ownerKey } from './owner.js';
export { parseTokensFile, readTokensFile } from './parse.js';
export {
  type Connections,
  makePlan,
  type PlanOptions,
  type VendorConnection,
  vendorsOf,
} from './plan.js';
export {
  type ChangeAction,
  type Plan,
  type PlanAction,
  type PlanJson,
  type PlannedChange,
  planJson,
  type TokenRecord,
} from './records.js';
export type * from './types.js';
export { VERSION } from './version.js';
