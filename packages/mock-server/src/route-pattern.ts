import type { FaultTarget } from './types.js';

/** What a fault rule is matched against. */
export interface RequestKey {
  readonly method: string;
  readonly path: string;
  readonly operation: string | undefined;
}

/** A compiled {@link FaultTarget}: `true` when the rule applies to the request. */
export type TargetMatcher = (request: RequestKey) => boolean;

/**
 * Compiles a fault target. A string route starting with `/` is a path pattern (`:name` = one
 * segment, trailing `/*` = anything below, an optional trailing slash); another string names an
 * operation; a RegExp is tested against the path. No route means every request.
 */
export function compileTarget(target: FaultTarget = {}): TargetMatcher {
  const method = target.method?.toUpperCase();
  const route = target.route;
  let matchRoute: (request: RequestKey) => boolean;
  if (route === undefined) {
    matchRoute = () => true;
  } else if (route instanceof RegExp) {
    // A copy without the stateful flags, so `lastIndex` never makes a rule skip a request.
    const pattern = new RegExp(route.source, route.flags.replace(/[gy]/g, ''));
    matchRoute = (request) => pattern.test(request.path);
  } else if (route.startsWith('/')) {
    const pattern = pathPattern(route);
    matchRoute = (request) => pattern.test(request.path);
  } else {
    matchRoute = (request) => request.operation === route;
  }
  return (request) => (method === undefined || request.method === method) && matchRoute(request);
}

function pathPattern(route: string): RegExp {
  const wildcard = route.endsWith('/*');
  const segments = (wildcard ? route.slice(0, -2) : route).split('/').filter((s) => s !== '');
  const body = segments
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^/${body}${wildcard ? '(?:/.*)?' : ''}/?$`);
}
