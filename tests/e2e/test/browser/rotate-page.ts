/**
 * The browser side of the split-bundle rotation test: bundled by esbuild with code splitting, so
 * each client's `rotate` loads the lifecycle engine from a chunk of its own on first use. It
 * rotates one token on each vendor and hands back ids and outcomes, never a secret.
 */
import { createInstanaClient, newApiToken } from '@tokenkit/instana';
import { createLosantClient } from '@tokenkit/losant';

/** What the test passes in. */
export interface RotateConfig {
  readonly url: string;
  readonly losantAccessToken: string;
  readonly instanceId: string;
  readonly instanaApiToken: string;
}

/** One vendor's rotation, as the page saw it. */
export interface RotateOutcome {
  readonly oldId: string;
  readonly newId: string;
  readonly revoked: string;
  readonly verified: string;
  /** The secret handed to `deliver` is the one the new token was created with. */
  readonly deliveredSecretMatches: boolean;
}

async function runRotate(
  config: RotateConfig,
): Promise<Record<'losant' | 'instana', RotateOutcome>> {
  const { instanceId } = config;
  const losant = createLosantClient({ accessToken: config.losantAccessToken, url: config.url });
  const old = await losant.instanceApiTokens.post({
    instanceId,
    apiToken: { name: 'browser-rotate', scope: ['all.Instance'] },
  });
  let losantSecret = '';
  const losantRotation = await losant.instanceApiToken.rotate({
    instanceId,
    apiTokenId: String(old.id),
    deliver: (secret) => {
      losantSecret = secret;
    },
  });

  const instana = createInstanaClient({ apiToken: config.instanaApiToken, baseUrl: config.url });
  const body = newApiToken({ name: 'browser-rotate', canConfigureApiTokens: true });
  await instana.apiTokens.postApiToken(body);
  let instanaSecret = '';
  const instanaRotation = await instana.apiTokens.rotateApiToken(body.internalId, {
    deliver: (secret) => {
      instanaSecret = secret;
    },
  });

  return {
    losant: {
      oldId: String(old.id),
      newId: String(losantRotation.created.id),
      revoked: losantRotation.revoked,
      verified: losantRotation.verified,
      deliveredSecretMatches: losantSecret === losantRotation.secret && losantSecret !== '',
    },
    instana: {
      oldId: body.internalId,
      newId: instanaRotation.created.internalId,
      revoked: instanaRotation.revoked,
      verified: instanaRotation.verified,
      deliveredSecretMatches: instanaSecret === instanaRotation.secret && instanaSecret !== '',
    },
  };
}

(globalThis as unknown as { runRotate: typeof runRotate }).runRotate = runRotate;
