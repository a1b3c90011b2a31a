/**
 * The browser side of the smoke test: bundled by esbuild for the browser and loaded into a page
 * served from another origin than the mock server, so every call is a CORS request. It walks a
 * create/list/delete on both vendors and hands a plain summary back to the test.
 */
import { createInstanaClient, newApiToken } from '@tokenkit/instana';
import { createLosantClient, NotFoundError } from '@tokenkit/losant';

/** What the test passes in. */
export interface SmokeConfig {
  readonly url: string;
  readonly losantAccessToken: string;
  readonly instanceId: string;
  readonly instanaApiToken: string;
}

/** What the page hands back: only ids, names, flags and error names, never a secret. */
export interface SmokeResult {
  readonly losant: {
    readonly createdId: string;
    readonly createdName: string | undefined;
    readonly createdHasToken: boolean;
    readonly listedIds: string[];
    readonly deleted: unknown;
    readonly idsAfterDelete: string[];
    readonly missingError: { name: string; isNotFound: boolean; status: number | undefined };
  };
  readonly instana: {
    readonly createdInternalId: string;
    readonly sentInternalId: string;
    readonly listedIds: string[];
    readonly idsAfterDelete: string[];
    readonly rateLimit: { limit: number; remaining: number } | undefined;
  };
}

async function runSmoke(config: SmokeConfig): Promise<SmokeResult> {
  const { instanceId } = config;
  const losant = createLosantClient({ accessToken: config.losantAccessToken, url: config.url });
  const created = await losant.instanceApiTokens.post({
    instanceId,
    apiToken: { name: 'browser-smoke', scope: ['all.Instance.read'] },
  });
  const createdId = String(created.id);
  const listed = await losant.instanceApiTokens.get({
    instanceId,
    filterField: 'name',
    filter: 'browser-*',
  });
  const deleted = await losant.instanceApiToken.delete({ instanceId, apiTokenId: createdId });
  const after = await losant.instanceApiTokens.get({ instanceId });
  let missingError: SmokeResult['losant']['missingError'] = {
    name: 'none',
    isNotFound: false,
    status: undefined,
  };
  try {
    await losant.instanceApiToken.get({ instanceId, apiTokenId: createdId });
  } catch (error) {
    missingError = {
      name: (error as Error).name,
      isNotFound: error instanceof NotFoundError,
      status: (error as NotFoundError).status,
    };
  }

  const instana = createInstanaClient({ apiToken: config.instanaApiToken, baseUrl: config.url });
  const body = newApiToken({ name: 'browser-smoke', canConfigureAgents: true });
  const posted = await instana.apiTokens.postApiToken(body);
  const instanaListed = await instana.apiTokens.getApiTokens();
  await instana.apiTokens.deleteApiToken(body.internalId);
  const instanaAfter = await instana.apiTokens.getApiTokens();
  const rateLimit = instana.rateLimit;

  return {
    losant: {
      createdId,
      createdName: created.name,
      createdHasToken: typeof created.token === 'string' && created.token.length > 0,
      listedIds: (listed.items ?? []).map((item) => String(item.id)),
      deleted,
      idsAfterDelete: (after.items ?? []).map((item) => String(item.id)),
      missingError,
    },
    instana: {
      createdInternalId: posted.internalId,
      sentInternalId: body.internalId,
      listedIds: instanaListed.map((token) => token.internalId),
      idsAfterDelete: instanaAfter.map((token) => token.internalId),
      rateLimit:
        rateLimit === undefined
          ? undefined
          : { limit: rateLimit.limit, remaining: rateLimit.remaining },
    },
  };
}

(globalThis as { runSmoke?: typeof runSmoke }).runSmoke = runSmoke;
