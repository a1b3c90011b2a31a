import type { InstanaTokenJson } from '../vendors/instana/types.js';
import type { LosantTokenJson } from '../vendors/losant/types.js';

/**
 * `losant tokens rotate` and `instana tokens rotate`: the old and the new token without their
 * secrets, what became of the old one and where the new secret went. `token` is the new secret,
 * present only when it was delivered on stdout.
 */
export interface RotatedJson {
  old: LosantTokenJson | InstanaTokenJson;
  new: LosantTokenJson | InstanaTokenJson;
  revoked: 'deleted' | 'deactivated' | 'kept';
  delivered: 'file' | 'command' | 'stdout';
  /** The old token's fields the replacement carried over (`name`, `scope`, `status` …). */
  kept: string[];
  /** What the check of the new secret found (`skipped` for an inactive replacement). */
  verified: 'valid' | 'limited' | 'skipped';
  token?: string;
}

/** A rotation answered "no" at its question (exit 4): nothing was created or changed. */
export interface RotateCancelledJson {
  rotated: false;
  cancelled: true;
}

/**
 * A rotation that failed after its secret went to stdout as the start of the `--json` document
 * (`{ "token": …,`): the rest names the replacement, so the secret is not left unexplained.
 */
export interface RotationStoppedJson {
  token: string;
  new: { id: string | undefined };
  delivered: 'stdout';
}

/** What is written after the secret: the document without its `token`. */
export type JsonAfterSecret = Omit<RotatedJson, 'token'> | Omit<RotationStoppedJson, 'token'>;

declare module '../output/json-shapes.js' {
  interface JsonShapes {
    rotated: RotatedJson;
    rotateCancelled: RotateCancelledJson;
    rotationStopped: RotationStoppedJson;
  }
}
