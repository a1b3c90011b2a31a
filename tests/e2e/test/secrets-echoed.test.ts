/**
 * Servers and gateways that echo the request back in an error (the Authorization header, or
 * the JSON body that carried a new token's secret). Whatever the answer holds, no secret may
 * reach the error's message, stack, JSON or inspection.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, ServerError } from '@tokenkit/core';
import { createInstanaClient, newApiToken } from '@tokenkit/instana';
import { createLosantClient } from '@tokenkit/losant';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeOutcome, type Outcome, settle } from './helpers/outcome.js';
import { SecretWatch } from './helpers/secret-watch.js';

const ACCESS_TOKEN = 'losant-access-token-echo-0123456789abcdef';
const API_TOKEN = 'instana-api-token-echo-0123456789abcdef';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Answers by path: `/html` a 503 HTML page quoting the Authorization header; otherwise a JSON
 * 400 quoting the Authorization header and the whole request body, in the shapes both vendors
 * use for errors.
 */
let echo: Server;
let url: string;

beforeAll(async () => {
  echo = createServer((req, res) => {
    readBody(req).then((body) => {
      const authorization = req.headers.authorization ?? '';
      if (req.url?.includes('html') || req.headers['x-echo'] === 'html') {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>503</h1><pre>${authorization}</pre></body></html>`);
        return;
      }
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          type: 'Validation',
          message: `Rejected request with ${authorization}: ${body}`,
          errors: [`Rejected: ${body}`],
          request: { authorization, body },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => echo.close(resolve));
});

function expectNoLeak(
  watch: SecretWatch,
  outcome: Outcome,
  type: abstract new (...args: never[]) => unknown,
) {
  expect(outcome.ok).toBe(false);
  expect((outcome as { error: unknown }).error, describeOutcome(outcome)).toBeInstanceOf(type);
  expect(watch.leaks()).toEqual([]);
}

describe('the access credential echoed back by the server never reaches the error', () => {
  test('losant: a JSON 400 quoting the Authorization header', async () => {
    const watch = new SecretWatch();
    watch.secret(ACCESS_TOKEN);
    const losant = createLosantClient({ accessToken: ACCESS_TOKEN, url, logger: watch.logger });
    const outcome = await settle(watch, () => losant.userApiTokens.get());
    expectNoLeak(watch, outcome, BadRequestError);
  });

  test('instana: an HTML 503 page quoting the Authorization header', async () => {
    const watch = new SecretWatch();
    watch.secret(API_TOKEN);
    const instana = createInstanaClient({
      apiToken: API_TOKEN,
      baseUrl: url,
      logger: watch.logger,
      maxRetries: 0,
      headers: { 'x-echo': 'html' },
    });
    const outcome = await settle(watch, () => instana.apiTokens.getApiTokens());
    expectNoLeak(watch, outcome, ServerError);
  });
});

describe("a new token's secret echoed back from the request body never reaches the error", () => {
  test('instana postApiToken: a 400 quoting the body with its accessGrantingToken', async () => {
    const watch = new SecretWatch();
    const body = newApiToken({ name: 'echoed', canConfigureAgents: true });
    watch.secret(API_TOKEN, body.accessGrantingToken);
    const instana = createInstanaClient({
      apiToken: API_TOKEN,
      baseUrl: url,
      logger: watch.logger,
    });
    const outcome = await settle(watch, () => instana.apiTokens.postApiToken(body));
    expectNoLeak(watch, outcome, BadRequestError);
  });

  test('instana putApiToken: a 400 quoting the body with its accessGrantingToken', async () => {
    const watch = new SecretWatch();
    const body = newApiToken({ name: 'echoed', canConfigureAgents: true });
    watch.secret(API_TOKEN, body.accessGrantingToken);
    const instana = createInstanaClient({
      apiToken: API_TOKEN,
      baseUrl: url,
      logger: watch.logger,
    });
    const outcome = await settle(watch, () => instana.apiTokens.putApiToken(body.internalId, body));
    expectNoLeak(watch, outcome, BadRequestError);
  });
});
