import type { CredentialOrigin, CredentialVendor } from '../credentials.js';
import type { IdentityJson } from './identity.js';
import type { Probe, Verdict } from './verdict.js';

/** One vendor: where, whose credential from where, and what it may do. */
export interface VendorStatusJson {
  vendor: CredentialVendor;
  status: Verdict | 'not configured';
  /** Where the credential came from; `null` when there is none. */
  credential: CredentialOrigin | null;
  baseUrl: string | null;
  identity: IdentityJson | null;
  access: Probe[];
  /** Why the vendor could not be checked (a failed credentialCommand, a missing URL). */
  error?: string;
}

/** `tokenkit auth status --json`. */
export interface AuthStatusJson {
  /** The profile in use (`--profile`, `TOKENKIT_PROFILE`), or `null`. */
  profile: string | null;
  vendors: VendorStatusJson[];
}

declare module '../output/json-shapes.js' {
  interface JsonShapes {
    authStatus: AuthStatusJson;
  }
}
