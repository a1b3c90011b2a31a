// A user's first script with @tokenkit/instana, installed from its tarball: type-checked with
// tsc, then run against the mock server, whose address and credentials come in the environment.
import {
  createInstanaClient,
  diffPermissions,
  isNotFoundError,
  newApiToken,
} from '@tokenkit/instana';

const { MOCK_URL, INSTANA_API_TOKEN } = process.env;
if (!MOCK_URL || !INSTANA_API_TOKEN) throw new Error('env not set');
const instana = createInstanaClient({ baseUrl: MOCK_URL, apiToken: INSTANA_API_TOKEN });

const sent = newApiToken({ name: 'rehearsal', canConfigureAgents: true });
const stored = await instana.apiTokens.postApiToken(sent);
const names = (await instana.apiTokens.getApiTokens()).map((token) => token.name);
await instana.apiTokens.deleteApiToken(stored.internalId);
const gone = await instana.apiTokens
  .getApiToken(stored.internalId)
  .then(() => false, isNotFoundError);

console.log(
  JSON.stringify({ created: stored.name, rewrites: diffPermissions(sent, stored), names, gone }),
);
