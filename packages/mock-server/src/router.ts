import type { IncomingHttpHeaders } from 'node:http';

/** Which vendor a path belongs to. */
export type Vendor = 'losant' | 'instana';

/** A route: path segments (`:name` captures one) and the operation each method maps to. */
export interface RouteDefinition {
  readonly vendor: Vendor;
  readonly segments: readonly string[];
  readonly methods: Readonly<Record<string, string>>;
}

/** A path that matched a route; `operation` is undefined when the method is not one it takes. */
export interface RouteMatch {
  readonly vendor: Vendor;
  readonly operation: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly allowed: readonly string[];
}

/** A request as the route handlers see it. */
export interface ParsedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  readonly body: string;
  readonly params: Readonly<Record<string, string>>;
  readonly operation: string;
}

/**
 * Finds the route for a path. Segments are percent-decoded before matching; a trailing slash is
 * tolerated; a path that cannot be decoded or has empty segments matches nothing.
 */
export function matchRoute(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const raw = path.replace(/^\/|\/$/g, '').split('/');
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (segments.some((segment) => segment === '')) return undefined;
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.segments.every((expected, index) => {
      const actual = segments[index] as string;
      if (expected.startsWith(':')) {
        params[expected.slice(1)] = actual;
        return true;
      }
      return expected === actual;
    });
    if (matches) {
      return {
        vendor: route.vendor,
        operation: route.methods[method],
        params,
        allowed: Object.keys(route.methods),
      };
    }
  }
  return undefined;
}
