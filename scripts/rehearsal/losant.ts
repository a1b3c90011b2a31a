// A user's first script with @tokenkit/losant, installed from its tarball: type-checked with tsc,
// then run against the mock server, whose address and credentials come in the environment.
import { createLosantClient, isNotFoundError } from '@tokenkit/losant';

const { MOCK_URL, LOSANT_ACCESS_TOKEN, LOSANT_APPLICATION_ID } = process.env;
if (!MOCK_URL || !LOSANT_ACCESS_TOKEN || !LOSANT_APPLICATION_ID) throw new Error('env not set');
const applicationId = LOSANT_APPLICATION_ID;
const losant = createLosantClient({ url: MOCK_URL, accessToken: LOSANT_ACCESS_TOKEN });

const created = await losant.applicationApiTokens.post({
  applicationId,
  apiToken: { name: 'rehearsal', scope: ['all.Application.read'] },
});
const apiTokenId = created.id;
if (apiTokenId === undefined) throw new Error('the created token has no id');
const names: (string | undefined)[] = [];
for await (const token of losant.applicationApiTokens.iterate({ applicationId })) {
  names.push(token.name);
}
await losant.applicationApiToken.delete({ applicationId, apiTokenId });
const gone = await losant.applicationApiToken
  .get({ applicationId, apiTokenId })
  .then(() => false, isNotFoundError);

console.log(JSON.stringify({ created: created.name, secret: typeof created.token, names, gone }));
