import { applications, applicationsQuery } from '@tokenkit/schemas/losant';
import { docsUrl, type Endpoint, endpoint } from './endpoint.js';

/** The scopes `applications.get` accepts (API v1.30.0); losant-rest documents the same list. */
const applicationsGetScopes = [
  'all.Organization',
  'all.Organization.read',
  'all.User',
  'all.User.cli',
  'all.User.read',
  'applications.*',
  'applications.get',
] as const;

/** `GET /applications`: one page of the applications the caller can see. */
export const applicationsGet: Endpoint<
  'applications.get',
  typeof applicationsQuery.shape,
  typeof applications,
  typeof applicationsGetScopes
> = endpoint({
  name: 'applications.get',
  summary: 'Returns one page of the applications the current user has permission to see.',
  method: 'GET',
  path: '/applications',
  shape: applicationsQuery.shape,
  query: Object.keys(applicationsQuery.shape),
  response: applications,
  scopes: applicationsGetScopes,
  docs: docsUrl('applications', 'get'),
});
