export { isCreateAnswerLost } from './create-answer-lost.js';
export { type CreateTokenOptions, createToken } from './create-token.js';
export { type BuiltReplacement, overlayDraft } from './overlay-draft.js';
export { rotateToken } from './rotate-token.js';
export type {
  CreatedToken,
  Deliver,
  ReplacementOverrides,
  RevokeMode,
  RotateParams,
  Rotation,
  TokenStore,
  Verification,
} from './types.js';
