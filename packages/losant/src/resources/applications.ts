import { applications, applicationsQuery } from '@tokenkit/schemas/losant';
import { docsUrl, type Endpoint } from './endpoint.js';
import { paramsSchema } from './params-schema.js';

/** The scopes `applications.get` accepts, at least one of them (API v1.30.0). */
export const applicationsGetScopes = [
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.cli',
  'all.User.read',
  'applications.*',
  'applications.get',
] as const;

/** `GET /applications`: one page of the applications the caller can see. */
export const applicationsGet: Endpoint<'applications.get'> = {
  name: 'applications.get',
  summary: 'Returns one page of the applications the current user has permission to see.',
  method: 'GET',
  path: '/applications',
  params: paramsSchema('applications.get', applicationsQuery.shape),
  query: Object.keys(applicationsQuery.shape),
  body: () => undefined,
  response: applications,
  scopes: applicationsGetScopes,
  docs: docsUrl('applications', 'get'),
};
