import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from '@tokenkit/http-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLosantClient, type LosantClient } from '../src/index.js';
import { losantResponder } from './helpers/losant-responder.js';
import { createOfficialClient, type OfficialClient } from './helpers/losant-rest.js';
import { wireCases } from './helpers/wire-cases.js';

const ACCESS_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.wire.identity';

/**
 * Every deliberate difference between what `losant-rest@2.8.1` sends and what we send, header
 * by header (`undefined`: not sent). Any header not listed here must be byte-identical. The
 * README lists the same.
 */
const WIRE_DIFFERENCES = {
  'accept-version': {
    official: '^1.20.1',
    ours: '^1.30.0',
    why: 'losant-rest 2.8.1 is generated for API v1.20.1; we are built against v1.30.0 (option acceptVersion)',
  },
  'user-agent': {
    official: 'axios/0.21.4',
    ours: /^@tokenkit\/losant\/\S+ @tokenkit\/core\/\S+ Node\.js\/\d+$/,
    why: 'we name ourselves, core and the runtime instead of the HTTP library',
  },
  'accept-encoding': {
    official: undefined,
    ours: 'gzip, deflate, br',
    why: "added by core's Node transport (`node:http`), as fetch does; it also decompresses the answer",
  },
} as const;

/**
 * The query string's encoding: losant-rest encodes with `qs` (RFC 3986: space as `%20`, `*` as
 * `%2A`), we with `URLSearchParams` (form encoding: space as `+`, `*` literal). The decoded
 * pairs are identical, in the same order.
 */
const QUERY_ENCODING_DIFFERENCE = 'qs (RFC 3986) vs URLSearchParams (form encoding)';

/** Headers that belong to the connection rather than to the request. */
const transportHeaders = new Set(['host', 'connection', 'content-length']);

type Callable = Record<string, Record<string, (params: unknown) => Promise<unknown>>>;

function call(client: LosantClient | OfficialClient, action: string, params: unknown) {
  const [resource = '', verb = ''] = action.split('.');
  const target = (client as unknown as Callable)[resource]?.[verb];
  if (target === undefined) throw new Error(`no ${action}`);
  return target(structuredClone(params));
}

/** Every header whose value differs between the two requests, apart from transport headers. */
function headerDifferences(official: RecordedRequest, ours: RecordedRequest) {
  const names = new Set([...Object.keys(official.headers), ...Object.keys(ours.headers)]);
  const differences: Record<string, { official: unknown; ours: unknown }> = {};
  for (const name of names) {
    if (transportHeaders.has(name)) continue;
    if (official.headers[name] !== ours.headers[name]) {
      differences[name] = { official: official.headers[name], ours: ours.headers[name] };
    }
  }
  return differences;
}

function parsedBody(request: RecordedRequest): unknown {
  return request.body === '' ? undefined : JSON.parse(request.body);
}

describe('wire identity with losant-rest@2.8.1', () => {
  let server: RecordingServer;
  let official: OfficialClient;
  let ours: LosantClient;

  beforeAll(async () => {
    server = await startRecordingServer({ respond: losantResponder });
    official = createOfficialClient({ accessToken: ACCESS_TOKEN, url: server.url });
    ours = createLosantClient({ accessToken: ACCESS_TOKEN, url: server.url });
  });
  afterAll(() => server.close());

  it('covers the fifteen token actions and applications.get', () => {
    expect(new Set(wireCases.map((wireCase) => wireCase.action)).size).toBe(16);
  });

  describe.each(wireCases)('$action', ({ action, params }) => {
    let theirs: RecordedRequest;
    let mine: RecordedRequest;

    beforeAll(async () => {
      server.clear();
      await call(official, action, params);
      await call(ours, action, params);
      expect(server.requests).toHaveLength(2);
      [theirs, mine] = server.requests as [RecordedRequest, RecordedRequest];
    });

    it('matches in method, path and parsed query', () => {
      expect(mine.method).toBe(theirs.method);
      expect(mine.path).toBe(theirs.path);
      expect(mine.query).toEqual(theirs.query);
      expect(Object.keys(mine.query)).toEqual(Object.keys(theirs.query));
    });

    it(`differs in the raw query only by its encoding: ${QUERY_ENCODING_DIFFERENCE}`, () => {
      const pairs = [...new URLSearchParams(theirs.rawQuery)];
      expect([...new URLSearchParams(mine.rawQuery)]).toEqual(pairs);
      expect(mine.rawQuery).toBe(new URLSearchParams(pairs).toString());
      if (!/[*+ ]/.test(theirs.rawQuery) && !/%2A|%20/.test(theirs.rawQuery)) {
        expect(mine.rawQuery).toBe(theirs.rawQuery);
      }
    });

    it('matches in the authorization, accept and losantdomain headers', () => {
      for (const name of ['authorization', 'accept', 'losantdomain']) {
        expect(mine.headers[name], name).toBe(theirs.headers[name]);
      }
      expect(mine.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(mine.headers.losantdomain).toBe(params.losantdomain);
    });

    it('matches in the JSON body and its content type', () => {
      expect(parsedBody(mine)).toEqual(parsedBody(theirs));
      expect(mine.headers['content-type']).toBe(theirs.headers['content-type']);
    });

    it('differs in exactly the listed headers, in the listed way', () => {
      const differences = headerDifferences(theirs, mine);
      expect(Object.keys(differences).sort()).toEqual(Object.keys(WIRE_DIFFERENCES).sort());
      for (const [name, expected] of Object.entries(WIRE_DIFFERENCES)) {
        expect(differences[name]?.official, name).toBe(expected.official);
        if (typeof expected.ours === 'string')
          expect(differences[name]?.ours, name).toBe(expected.ours);
        else expect(differences[name]?.ours, name).toMatch(expected.ours);
      }
    });
  });

  it('sends the same Accept-Version once losant-rest is given ours', async () => {
    const aligned = createOfficialClient({
      accessToken: ACCESS_TOKEN,
      url: server.url,
      acceptVersion: '^1.30.0',
    });
    server.clear();
    await call(aligned, 'userApiTokens.get', {});
    await ours.userApiTokens.get();
    const [theirs, mine] = server.requests;
    expect(mine?.headers['accept-version']).toBe(theirs?.headers['accept-version']);
    const differences = Object.keys(headerDifferences(theirs!, mine!)).sort();
    expect(differences).toEqual(
      Object.keys(WIRE_DIFFERENCES)
        .filter((name) => name !== 'accept-version')
        .sort(),
    );
  });
});
