import * as z from 'zod';
import { json, losantError, type Reply } from '../reply.js';
import type { ParsedRequest } from '../router.js';
import type { LosantApplication } from '../types.js';
import { validate } from '../validate.js';
import { canReach, type LosantPrincipal } from './auth.js';
import { hal } from './hal.js';
import { type ListParams, queryItems } from './list-query.js';
import type { LosantStore } from './store.js';

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

const digits = z.string().regex(/^\d+$/, 'must be a non-negative integer');

/** The query `applications.get` takes (`losant-rest`'s `apiInfo.json`); other keys are ignored. */
const applicationsQuery = z.object({
  sortField: z.enum(['name', 'id', 'creationDate', 'ownerId', 'lastUpdated']).optional(),
  sortDirection: z.enum(['asc', 'desc']).optional(),
  page: digits.optional(),
  perPage: digits.optional(),
  filterField: z.enum(['name']).optional(),
  filter: z.string().optional(),
  orgId: z
    .string()
    .regex(/^([A-Fa-f\d]{24}|)$/, 'must be a 24-character hexadecimal id or blank')
    .optional(),
  summaryExclude: z.string().optional(),
  summaryInclude: z.string().optional(),
});
type ApplicationsQuery = z.output<typeof applicationsQuery>;

/** The list parameters whose blank value means "not given" (`orgId` blank means "mine"). */
const BLANK_MEANS_ABSENT = [
  'sortField',
  'sortDirection',
  'page',
  'perPage',
  'filterField',
  'filter',
];

/**
 * Answers `GET /applications`: the applications `principal` can see (the user credential and user
 * tokens every one, an application token its own, an instance token none), narrowed by `orgId`
 * (absent: all; blank: the user's own; an id: that organization's), then filtered, sorted and
 * paged like a token list. Each carries a `summary` with its `apiTokenCount`.
 */
export function listApplications(
  store: LosantStore,
  principal: LosantPrincipal,
  request: ParsedRequest,
  links: boolean,
): Reply {
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (value !== '' || !BLANK_MEANS_ABSENT.includes(name)) raw[name] = value;
  }
  const checked = validate(applicationsQuery, raw, '');
  if (!checked.ok) return losantError(400, 'Validation', checked.messages.join('; '));
  const query = checked.value;
  const params: ListParams<LosantApplication> = {
    sortField: query.sortField ?? 'name',
    sortDirection: query.sortDirection ?? 'asc',
    page: Number(query.page ?? 0),
    perPage: Number(query.perPage ?? 100),
    ...(query.filterField === undefined ? {} : { filterField: query.filterField }),
    ...(query.filter === undefined ? {} : { filter: query.filter }),
  };
  const visible = store
    .applications()
    .filter((app) => canReach(principal, { kind: 'application', id: app.id }))
    .filter(inOrg(query.orgId, store.seed.userId));
  const result = queryItems(visible, params);
  const summary = summaryFields(query);
  const envelope: Record<string, unknown> = {
    items: result.items.map((app) =>
      hal(
        { ...app, summary: summary(store.tokenCount({ kind: 'application', id: app.id })) },
        'application',
        `/applications/${app.id}`,
        links,
      ),
    ),
    count: result.items.length,
    totalCount: result.totalCount,
    perPage: params.perPage,
    page: params.page,
    sortField: params.sortField,
    sortDirection: params.sortDirection,
  };
  if (params.filter !== undefined) envelope.filter = params.filter;
  if (params.filterField !== undefined) envelope.filterField = params.filterField;
  return json(200, hal(envelope, 'applications', '/applications', links));
}

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
