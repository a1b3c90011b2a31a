// The official Losant client (losant-rest 2.8.1, API v1.20.1: the newest on the registry) runs all
// 15 actions against the mock, and every answer must validate against that client's own JSON
// schemas. Its schemas are draft-04 and predate defaultRole/orgRoles; they are open objects,
// so the newer fields the mock may send do not conflict.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { start } from './helpers.js';

const require = createRequire(import.meta.url);

type Params = Record<string, unknown>;
type Action = (params: Params) => Promise<unknown>;
interface LosantRestClient {
  [resource: string]: Record<string, Action>;
}
interface LosantRestError extends Error {
  statusCode: number;
  type: string;
}
const losantRest = require('losant-rest') as {
  createClient(options: { accessToken: string; url: string }): LosantRestClient;
};

const schemaDir = join(dirname(require.resolve('losant-rest/package.json')), 'lib', 'schemas');
interface ApiInfoAction {
  method: string;
  responses: Record<string, { schema: { $ref: string } }>;
}
const apiInfo = JSON.parse(readFileSync(join(schemaDir, 'apiInfo.json'), 'utf8')) as Record<
  string,
  { path: string; actions: Record<string, ApiInfoAction> }
>;

// ajv 8 has no draft-04 meta-schema built in; these schemas use nothing draft-04-specific, so
// their `$schema` is dropped and they are compiled as draft-07.
const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
function schemaValidator(name: string) {
  const { $schema: _draft, ...schema } = JSON.parse(
    readFileSync(join(schemaDir, `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
  return ajv.compile(schema);
}

/** Validates `body` against the schema apiInfo.json declares for `resource.action` at `status`. */
function expectDeclaredSchema(resource: string, action: string, status: number, body: unknown) {
  const declared = apiInfo[resource]?.actions[action]?.responses[String(status)];
  expect(declared, `${resource}.${action} declares a ${status}`).toBeDefined();
  const name = declared?.schema.$ref.replace('#/definitions/', '') ?? '';
  const validate = schemaValidator(name);
  expect(
    validate(body),
    `${resource}.${action} ${status} vs ${name}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
  return name;
}

const owners = [
  {
    collection: 'instanceApiTokens',
    item: 'instanceApiToken',
    ids: (m: MockServer) => ({ instanceId: m.losant.instanceId }),
  },
  {
    collection: 'applicationApiTokens',
    item: 'applicationApiToken',
    ids: (m: MockServer) => ({ applicationId: m.losant.applicationId }),
  },
  { collection: 'userApiTokens', item: 'userApiToken', ids: () => ({}) },
] as const;

describe('losant-rest against the mock', () => {
  it.each(owners)('runs the five $collection/$item actions, every answer valid', async (owner) => {
    const mock = await start();
    const client = losantRest.createClient({ accessToken: mock.losant.accessToken, url: mock.url });
    const ids = owner.ids(mock);
    const collection = client[owner.collection] as Record<string, Action>;
    const item = client[owner.item] as Record<string, Action>;
    const checked: string[] = [];

    const created = (await collection.post?.({
      ...ids,
      apiToken: { name: 'ci deploy', description: 'made by losant-rest', scope: ['all.User.read'] },
    })) as Record<string, unknown>;
    checked.push(expectDeclaredSchema(owner.collection, 'post', 201, created));
    expect(typeof created.token).toBe('string');
    const apiTokenId = created.id as string;

    const listed = (await collection.get?.({ ...ids, perPage: 10, sortField: 'name' })) as {
      items: Record<string, unknown>[];
    };
    // The spec declares `apiToken` for the instance and user lists (a known upstream bug); the
    // answer must satisfy the declared schema and `apiTokens`, which it really is.
    checked.push(expectDeclaredSchema(owner.collection, 'get', 200, listed));
    expect(schemaValidator('apiTokens')(listed)).toBe(true);
    expect(listed.items.map((token) => token.id)).toEqual([apiTokenId]);
    expect(listed.items[0]).not.toHaveProperty('token');

    const got = await item.get?.({ ...ids, apiTokenId });
    checked.push(expectDeclaredSchema(owner.item, 'get', 200, got));
    expect(got).not.toHaveProperty('token');

    const patched = (await item.patch?.({
      ...ids,
      apiTokenId,
      apiToken: { status: 'inactive', name: 'ci deploy (off)' },
    })) as Record<string, unknown>;
    checked.push(expectDeclaredSchema(owner.item, 'patch', 200, patched));
    expect(patched).toMatchObject({ status: 'inactive', name: 'ci deploy (off)' });

    const deleted = await item.delete?.({ ...ids, apiTokenId });
    checked.push(expectDeclaredSchema(owner.item, 'delete', 200, deleted));
    expect(deleted).toEqual({ success: true });

    const missing = (await item
      .get?.({ ...ids, apiTokenId })
      .catch((error: unknown) => error)) as LosantRestError;
    expect(missing.statusCode).toBe(404);
    expectDeclaredSchema(owner.item, 'get', 404, { type: missing.type, message: missing.message });

    const invalid = (await collection
      .post?.({ ...ids, apiToken: { name: '' } })
      .catch((error: unknown) => error)) as LosantRestError;
    expect(invalid.statusCode).toBe(400);
    expect(invalid.type).toBe('Validation');
    expectDeclaredSchema(owner.collection, 'post', 400, {
      type: invalid.type,
      message: invalid.message,
    });

    expect(checked).toEqual(['apiToken', 'apiToken', 'apiToken', 'apiToken', 'success']);

    // The mock resolved every call the client made to the operation the client meant, on the
    // path apiInfo.json declares, with the client's default global query flags.
    const log = mock.requests;
    expect(log.map((entry) => entry.operation)).toEqual([
      `${owner.collection}.post`,
      `${owner.collection}.get`,
      `${owner.item}.get`,
      `${owner.item}.patch`,
      `${owner.item}.delete`,
      `${owner.item}.get`,
      `${owner.collection}.post`,
    ]);
    for (const entry of log) {
      const [resource = '', action = ''] = (entry.operation ?? '').split('.');
      const declared = apiInfo[resource];
      expect(entry.method).toBe(declared?.actions[action]?.method);
      const template = (declared?.path ?? '').replace(/\{(\w+)\}/g, (_, name: string) =>
        String({ ...ids, apiTokenId }[name as 'apiTokenId']),
      );
      expect(entry.path).toBe(template);
      expect(entry.query).toMatchObject({ _actions: 'false', _links: 'true', _embedded: 'true' });
      expect(entry.headers.authorization).toBe(`Bearer ${mock.losant.accessToken}`);
    }
  });

  it('lists applications with applications.get, every page valid per its applications schema', async () => {
    const mock = await start();
    mock.store.losant.addApplications(3, { tokensEach: 2 });
    mock.store.losant.addApplications([{ name: 'org app', description: 'owned by an org' }], {
      orgId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    });
    const client = losantRest.createClient({ accessToken: mock.losant.accessToken, url: mock.url });
    const applications = client.applications as Record<string, Action>;
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const answer = (await applications.get?.({ perPage: 2, page, sortField: 'id' })) as {
        items: { id: string; summary: { apiTokenCount: number } }[];
        totalCount: number;
      };
      expectDeclaredSchema('applications', 'get', 200, answer);
      expect(answer.totalCount).toBe(5);
      seen.push(...answer.items.map((app) => app.id));
    }
    expect(seen).toEqual(
      mock.store.losant
        .listApplications()
        .map((app) => app.id)
        .sort(),
    );
    const org = (await applications.get?.({ orgId: 'aaaaaaaaaaaaaaaaaaaaaaaa' })) as {
      items: unknown[];
    };
    expectDeclaredSchema('applications', 'get', 200, org);
    expect(org.items).toEqual([
      expect.objectContaining({ name: 'org app', ownerType: 'organization' }),
    ]);
    const invalid = (await applications
      .get?.({ orgId: 'not-an-org' })
      .catch((error: unknown) => error)) as LosantRestError;
    expect(invalid.statusCode).toBe(400);
    expectDeclaredSchema('applications', 'get', 400, {
      type: invalid.type,
      message: invalid.message,
    });
    expect(mock.requests.map((entry) => entry.operation)).toEqual(
      Array(5).fill('applications.get'),
    );
    for (const entry of mock.requests) {
      expect(entry.path).toBe(apiInfo.applications?.path);
      expect(entry.query).toMatchObject({ _actions: 'false', _links: 'true', _embedded: 'true' });
    }
  });

  it('covers exactly the 15 actions the client declares for the six token resources', () => {
    const declared = owners.flatMap((owner) => [
      ...Object.keys(apiInfo[owner.collection]?.actions ?? {}).map(
        (a) => `${owner.collection}.${a}`,
      ),
      ...Object.keys(apiInfo[owner.item]?.actions ?? {}).map((a) => `${owner.item}.${a}`),
    ]);
    expect(declared.sort()).toHaveLength(15);
  });
});
