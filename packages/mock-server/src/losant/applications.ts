import type { LosantApplication } from '../models.js';
import { json } from '../reply.js';
import { canReach } from './auth.js';
import type { ActionHandler } from './context.js';
import { hal } from './hal.js';
import { queryItems } from './list-query.js';
import { type ApplicationsQuery, envelope, listParams } from './query.js';

/**
 * The scopes `applications.get` accepts (any one), as `losant-rest`'s `docs/applications.md`
 * lists them.
 */
export const APPLICATIONS_GET_SCOPES: readonly string[] = [
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.cli',
  'all.User.read',
  'applications.*',
  'applications.get',
];

/**
 * Answers `GET /applications`: the applications `principal` can see (the user credential and user
 * tokens every one, an application token its own, an instance token none), narrowed by `orgId`
 * (absent: all; blank: the user's own; an id: that organization's), then filtered, sorted and
 * paged like a token list. Each carries a `summary` with its `apiTokenCount`.
 */
export const listApplications: ActionHandler<ApplicationsQuery> = (context, principal, params) => {
  const { query } = params;
  const list = listParams(query);
  const { store } = context;
  const visible = store
    .applications()
    .filter((app) => canReach(principal, { kind: 'application', id: app.id }))
    .filter(inOrg(query.orgId, store.seed.userId));
  const result = queryItems(visible, list);
  const summary = summaryFields(query);
  const items = result.items.map((app) =>
    hal(
      { ...app, summary: summary(store.tokenCount({ kind: 'application', id: app.id })) },
      'application',
      `/applications/${app.id}`,
      params.links,
    ),
  );
  const body = envelope(items, result.totalCount, list);
  return json(200, hal(body, 'applications', '/applications', params.links));
};

function inOrg(orgId: string | undefined, userId: string) {
  if (orgId === undefined) return () => true;
  if (orgId === '')
    return (app: LosantApplication) => app.ownerType === 'user' && app.ownerId === userId;
  const id = orgId.toLowerCase();
  return (app: LosantApplication) => app.ownerType === 'organization' && app.ownerId === id;
}

/**
 * The `summary` counts the mock knows (tokens are real, the rest stay 0), narrowed by the
 * comma-separated `summaryInclude` and `summaryExclude`.
 */
function summaryFields(query: ApplicationsQuery) {
  const list = (value: string | undefined) =>
    value === undefined || value === '' ? undefined : value.split(',').map((s) => s.trim());
  const include = list(query.summaryInclude);
  const exclude = list(query.summaryExclude) ?? [];
  return (apiTokenCount: number): Record<string, number> => {
    const all: Record<string, number> = { apiTokenCount, deviceCount: 0, flowCount: 0 };
    return Object.fromEntries(
      Object.entries(all).filter(
        ([name]) => (include === undefined || include.includes(name)) && !exclude.includes(name),
      ),
    );
  };
}
