import { json, type RecordingServer, startHandlerServer } from '@tokenkit/http-test-server';
import {
  CreateOutcomeUnknownError,
  createHttpClient,
  createTokenAuth,
  type HttpClient,
  isCreateAnswerLost,
  isNotFoundError,
  isPermissionDeniedError,
  path,
  type TokenStore,
} from '../../src/index.js';

/** A token of the test service; `limited` tokens get 403 on every read. */
export interface ServiceToken {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  limited?: boolean;
}
type Stored = ServiceToken & { secret: string };
export type Draft = Pick<ServiceToken, 'name'> & Partial<Pick<ServiceToken, 'status' | 'limited'>>;

export const ADMIN = 'admin-credential-never-shown';

/**
 * A tiny token service over node:http: GET/PATCH/DELETE /tokens/:id, POST /tokens (201 with the
 * secret). `failNext` makes the next request matching `METHOD /path` answer with a status
 * instead (once); a reply of 201 without `secret` is made by `dropSecret`.
 */
export interface TokenService {
  server: RecordingServer;
  tokens: Map<string, Stored>;
  failNext(route: string, status: number): void;
  /** Forgets every token, fault and recorded request; ids count from 1 again. */
  reset(): void;
  add(token: ServiceToken): Stored;
  close(): Promise<void>;
}

export async function startTokenService(): Promise<TokenService> {
  const tokens = new Map<string, Stored>();
  const faults = new Map<string, number>();
  let count = 0;
  const server = await startHandlerServer((request, response) => {
    const route = `${request.method} ${request.path}`;
    const fault = faults.get(route);
    if (fault !== undefined) {
      faults.delete(route);
      return json(response, fault, { message: `failed ${route}` });
    }
    const secret = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const caller = [...tokens.values()].find((token) => token.secret === secret);
    if (secret !== ADMIN && (caller === undefined || caller.status !== 'active')) {
      return json(response, 401, { message: 'Unauthorized' });
    }
    if (caller?.limited) return json(response, 403, { message: 'Forbidden' });
    const id = request.path.split('/')[2] ?? '';
    const existing = tokens.get(id);
    if (request.method === 'POST') {
      count += 1;
      const body = JSON.parse(request.body) as Draft;
      const made = {
        status: 'active' as const,
        ...body,
        id: `t${count}`,
        secret: `s3cr3t-${count}-never-shown`,
      };
      tokens.set(made.id, made);
      return json(response, 201, made);
    }
    if (existing === undefined) return json(response, 404, { message: 'Not found' });
    if (request.method === 'DELETE') {
      tokens.delete(id);
      return json(response, 200, { success: true });
    }
    if (request.method === 'PATCH') Object.assign(existing, JSON.parse(request.body));
    const { secret: _hidden, ...shown } = existing;
    return json(response, 200, shown);
  });
  return {
    server,
    tokens,
    failNext: (route, status) => faults.set(route, status),
    reset() {
      tokens.clear();
      faults.clear();
      server.clear();
      count = 0;
    },
    add(token) {
      const stored = { ...token, secret: `old-secret-${token.id}-never-shown` };
      tokens.set(token.id, stored);
      return stored;
    },
    close: () => server.close(),
  };
}

export function serviceClient(service: TokenService, token = ADMIN): HttpClient {
  return createHttpClient({
    baseUrl: service.server.url,
    auth: createTokenAuth({ scheme: 'Bearer', token }),
    maxRetries: 0,
  });
}

/** A store over the test service; `deactivate` only when asked, as a vendor without status. */
export function serviceStore(
  service: TokenService,
  { deactivatable = true } = {},
): TokenStore<ServiceToken, Draft> {
  const http = serviceClient(service);
  const store: TokenStore<ServiceToken, Draft> = {
    label: 'test token',
    idOf: (token) => token.id,
    read: async (id, options) =>
      (await http.request<ServiceToken>({ method: 'GET', path: path`/tokens/${id}` }, options))
        .data,
    async create(draft, options) {
      try {
        const response = await http.request<Stored>(
          { method: 'POST', path: '/tokens', body: draft },
          options,
        );
        const { secret, ...token } = response.data;
        return { token, secret };
      } catch (error) {
        if (!isCreateAnswerLost(error)) throw error;
        throw new CreateOutcomeUnknownError('lost', { candidateIds: ['t-maybe'], cause: error });
      }
    },
    update: async (id, patch, options) =>
      (
        await http.request<ServiceToken>(
          { method: 'PATCH', path: path`/tokens/${id}`, body: patch },
          options,
        )
      ).data,
    async remove(id, options) {
      try {
        await http.request({ method: 'DELETE', path: path`/tokens/${id}` }, options);
        return 'deleted';
      } catch (error) {
        if (isNotFoundError(error)) return 'absent';
        throw error;
      }
    },
    async verify(secret, token, options) {
      if (token.status === 'inactive') return 'skipped';
      try {
        await serviceClient(service, secret).request(
          { method: 'GET', path: path`/tokens/${token.id}` },
          options,
        );
        return 'valid';
      } catch (error) {
        if (isPermissionDeniedError(error)) return 'limited';
        throw error;
      }
    },
    replacement(old, overrides) {
      if (overrides.expiresAt !== undefined) throw new Error('no expiry here');
      return {
        draft: {
          name: overrides.name ?? old.name,
          status: overrides.status ?? old.status,
          ...(old.limited ? { limited: true } : {}),
        },
        kept: ['name', 'status'].filter((field) => !(field in overrides)),
      };
    },
  };
  if (!deactivatable) return store;
  return {
    ...store,
    async deactivate(id, options) {
      await store.update(id, { status: 'inactive' }, options);
    },
  };
}
