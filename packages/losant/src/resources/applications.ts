import { actionScopes, applications, applicationsQuery } from '@tokenkit/schemas/losant';
import { docsUrl, type Endpoint, endpoint } from './endpoint.js';

/** `GET /applications`: one page of the applications the caller can see. */
export const applicationsGet: Endpoint<
  'applications.get',
  typeof applicationsQuery.shape,
  typeof applications,
  (typeof actionScopes)['applications.get']
> = endpoint({
  name: 'applications.get',
  summary: 'Returns one page of the applications the current user has permission to see.',
  method: 'GET',
  path: '/applications',
  shape: applicationsQuery.shape,
  query: Object.keys(applicationsQuery.shape),
  response: applications,
  scopes: actionScopes['applications.get'],
  docs: docsUrl('applications', 'get'),
});
