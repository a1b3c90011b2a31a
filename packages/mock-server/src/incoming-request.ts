import type { ParsedRequest, RouteMatch, Vendor } from './router.js';

/** A request as read off the wire, before any fault or handler sees it. */
export interface IncomingRequest extends ParsedRequest {
  /** The matched route, if any. */
  readonly match: RouteMatch | undefined;
  /** Whose error shape answers it: the route's vendor, or by path for an unknown route. */
  readonly vendor: Vendor;
  /** `undefined` when the body was over the size limit. */
  readonly text: string | undefined;
}
