import type { RecordedRequest, Reply } from '@tokenkit/http-test-server';
import { applicationBody, applicationsBody, listBody, tokenBody } from './fixtures.js';

const collection = /^\/(?:instances\/[^/]+|applications\/[^/]+|me)\/tokens$/;
const item = /^\/(?:instances\/[^/]+|applications\/[^/]+|me)\/tokens\/[^/]+$/;

/**
 * Answers every Losant token route and `GET /applications` with a contract-valid body, so that both the official
 * client and ours complete their call and the recorded requests can be compared.
 */
export function losantResponder(request: RecordedRequest): Reply {
  if (request.path === '/applications' && request.method === 'GET') {
    return { status: 200, body: applicationsBody([applicationBody()]) };
  }
  if (collection.test(request.path)) {
    if (request.method === 'GET') return { status: 200, body: listBody([tokenBody()]) };
    if (request.method === 'POST') return { status: 201, body: tokenBody({ token: 'jwt.once' }) };
  }
  if (item.test(request.path)) {
    if (request.method === 'GET' || request.method === 'PATCH') {
      return { status: 200, body: tokenBody() };
    }
    if (request.method === 'DELETE') return { status: 200, body: { success: true } };
  }
  return { status: 404, body: { type: 'NotFound', message: 'Route not found' } };
}
