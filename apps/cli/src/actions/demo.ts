import type { ApiTokenPostInput } from '@tokenkit/losant';
import { judgeTokens } from '../audit/judge.js';
import { builtInPolicy } from '../audit/policy.js';
import { printAuditReport } from '../audit/render.js';
import { buildReport } from '../audit/report.js';
import { createWalk } from '../audit/walk.js';
import type { CommandContext } from '../commands/context.js';
import { connectInstana } from '../instana/client.js';
import { grantedPermissions } from '../instana/types.js';
import { connectLosant } from '../losant/client.js';
import { fetchAllTokens } from '../losant/fetch-all.js';
import { ownerTokens } from '../losant/owner-tokens.js';
import { describeError } from '../output/describe-error.js';

const dayMs = 86_400_000;
const seeded = 250;

function glimpse(secret: string): string {
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/**
 * `tokenkit demo`: starts the embedded mock server and walks the lifecycle on both vendors
 * with the same code the commands use, narrating each step and the command that does it.
 */
export async function runDemo(context: CommandContext): Promise<number> {
  const { output } = context;
  const c = output.color;
  const started = Date.now();
  const step = (number: number, title: string) =>
    output.print(`\n${c.bold(c.cyan(`${number}.`))} ${c.bold(title)}`);
  const command = (text: string) => output.print(`   ${c.dim(`$ tokenkit ${text}`)}`);
  const say = (text: string) => output.print(`   ${text}`);

  output.print(c.bold('tokenkit demo: a whole token lifecycle on Losant and Instana'));
  const { startMockServer } = await import('@tokenkit/mock-server');
  const mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  try {
    output.addSecret(mock.losant.accessToken);
    output.addSecret(mock.instana.apiToken);
    say(
      c.dim(
        `Mock server for both APIs at ${mock.url} (in memory; no account, nothing leaves this machine)`,
      ),
    );
    const now = context.now();
    const applicationId = mock.losant.applicationId;
    const short = `${applicationId.slice(0, 6)}…`;
    const losant = await connectLosant({ accessToken: mock.losant.accessToken, url: mock.url });
    const {
      client: instana,
      newApiToken,
      diffPermissions,
    } = await connectInstana({
      apiToken: mock.instana.apiToken,
      baseUrl: mock.url,
    });
    const app = ownerTokens(losant, { kind: 'application', id: applicationId });

    step(1, 'Losant: create an application token that expires');
    command(
      `losant tokens create --application ${short} --name deploy-bot --scope applicationApiTokens.get --expires 90d`,
    );
    const scope: ApiTokenPostInput['scope'] = ['applicationApiTokens.get'];
    const created = await app.create({
      name: 'deploy-bot',
      scope,
      expirationDate: new Date(now.getTime() + 90 * dayMs).toISOString(),
    });
    say(
      `created "${created.name}" (${created.id}), expires ${created.expirationDate?.slice(0, 10)}`,
    );
    say(
      `its secret came back once (${glimpse(created.token)}); the real command prints it in full, once`,
    );

    step(2, `Losant: list ${seeded + 1} tokens, one page and then --all`);
    mock.store.losant.add(
      { applicationId },
      Array.from({ length: seeded }, (_, index) => ({
        name: `sensor-gateway-${String(index + 1).padStart(3, '0')}`,
        scope: ['devices.get'],
        expirationDate: new Date(now.getTime() + (120 + index) * dayMs).toISOString(),
      })),
    );
    command(`losant tokens list --application ${short} --per-page 100`);
    const firstPage = await app.list({ perPage: 100 });
    say(`page 0: ${firstPage.items?.length ?? 0} of ${firstPage.totalCount} tokens`);
    command(`losant tokens list --application ${short} --all`);
    const all = await fetchAllTokens(app, { perPage: 100 });
    say(`--all: ${all.tokens.length} tokens in ${all.pages} pages, fetched one after another`);

    step(3, 'Losant: deactivate the token (scopes and expiry are fixed at creation)');
    command(`losant tokens update ${created.id} --application ${short} --status inactive`);
    const patched = await app.patch(created.id ?? '', { status: 'inactive' });
    say(`"${patched.name}" is now ${patched.status}`);

    step(4, 'Instana: create an API token from permission flags');
    command(
      'instana tokens create --name synthetics-ci --permission canConfigureSyntheticTests --permission canViewLogs',
    );
    const sent = newApiToken({
      name: 'synthetics-ci',
      canConfigureSyntheticTests: true,
      canViewLogs: true,
    });
    const stored = await instana.apiTokens.postApiToken(sent);
    say(
      `created "${stored.name}" (${stored.internalId}) with ${grantedPermissions(stored).length} permissions`,
    );
    const changes = diffPermissions(sent, stored);
    if (changes.length > 0) {
      say(
        `the server changed ${changes.length}: ${changes.map((change) => `${change.name} ${change.received ? 'on' : 'off'}`).join(', ')}`,
      );
      say(
        c.dim(
          '(Instana derives view permissions from configure permissions; tokenkit shows the difference)',
        ),
      );
    }

    step(5, 'Instana: revoke a permission and rename');
    command(
      `instana tokens update ${stored.internalId} --name synthetics-readonly --revoke-permission canViewLogs`,
    );
    const current = await instana.apiTokens.getApiToken(stored.internalId);
    const updated = await instana.apiTokens.putApiToken(stored.internalId, {
      ...current,
      name: 'synthetics-readonly',
      canViewLogs: false,
    });
    say(`"${updated.name}" now has ${grantedPermissions(updated).join(', ')}`);

    step(6, 'Audit both vendors: expired, expiring, inactive, never-expiring, over-broad');
    mock.store.losant.add({ applicationId }, [
      {
        name: 'legacy-export',
        scope: ['data.export'],
        expirationDate: new Date(now.getTime() - 3 * dayMs).toISOString(),
      },
      {
        name: 'nightly-backup',
        scope: ['application.export'],
        expirationDate: new Date(now.getTime() + 5 * dayMs).toISOString(),
      },
    ]);
    mock.store.losant.add('user', [{ name: 'laptop-admin', scope: ['all.User'] }]);
    mock.store.instana.add([
      {
        name: 'terraform-admin',
        canConfigureApiTokens: true,
        canConfigureUsers: true,
        expiresOn: null,
      },
    ]);
    command(`audit --application ${short} --expiring-within 30d`);
    const walk = await createWalk({
      losant: {
        client: losant,
        owners: [{ kind: 'user' }, { kind: 'application', id: applicationId }],
      },
      instana: { client: instana },
      judge: judgeTokens(builtInPolicy, now, 30 * dayMs),
    }).run();
    const report = buildReport(walk, {
      now,
      expiringWithin: '30d',
      failOn: 'high',
      policy: null,
      describe: describeError,
    });
    printAuditReport(output.indented('   '), report);
    const counts = report.summary;
    say(
      c.dim(
        `in CI this exits 1 (${counts.critical + counts.high} findings at high or worse); --fail-on sets the bar`,
      ),
    );

    step(7, 'Clean up: delete both tokens');
    command(`losant tokens delete ${created.id} --application ${short} --yes`);
    await app.remove(created.id ?? '');
    command(`instana tokens delete ${stored.internalId} --yes`);
    await instana.apiTokens.deleteApiToken(stored.internalId);
    const left = await instana.apiTokens.getApiTokens();
    say(
      `deleted; ${mock.store.losant.list({ applicationId }).length} Losant application tokens and ${left.length} Instana token remain`,
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    output.print(`\n${c.green('✓')} Done in ${seconds}s, ${mock.requests.length} API calls.`);
    output.print(
      c.dim(
        'Next: export LOSANT_ACCESS_TOKEN (and INSTANA_API_TOKEN, INSTANA_BASE_URL) and run the same commands.',
      ),
    );
    return 0;
  } finally {
    await mock.close();
  }
}
