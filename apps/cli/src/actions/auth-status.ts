import type { CommandContext } from '../commands/context.js';
import { idList, instanaCredentials, losantCredentials } from '../credentials.js';
import { authError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { connectInstana } from '../instana/client.js';
import { connectLosant } from '../losant/client.js';
import { describeOwner } from '../losant/owner.js';
import { ownerTokens } from '../losant/owner-tokens.js';
import type { LosantOwner } from '../losant/types.js';
import { describeError, type Vendor } from '../output/describe-error.js';
import { sanitize } from '../output/sanitize.js';
import { type Action, perform } from './action.js';

/** One probe: whose tokens, which actions the credential may run there, or why not. */
export interface AccessJson {
  owner: string;
  actions: string[];
  error?: string;
}

/** One configured vendor: where, and what the credential may do. */
export interface VendorStatusJson {
  vendor: Vendor;
  baseUrl: string;
  works: boolean;
  access: AccessJson[];
}

/** `tokenkit auth status --json`. */
export interface AuthStatusJson {
  vendors: VendorStatusJson[];
}

async function probe(
  owner: string,
  actions: string[],
  run: () => Promise<unknown>,
  vendor: Vendor,
) {
  try {
    await run();
    return { owner, actions };
  } catch (error) {
    return { owner, actions: [], error: describeError(error, vendor).message };
  }
}

async function losantStatus(context: CommandContext): Promise<VendorStatusJson> {
  const credentials = losantCredentials(context.env);
  context.output.addSecret(credentials.accessToken);
  const { DEFAULT_URL } = await import('@tokenkit/losant');
  const client = await connectLosant(credentials, context);
  const owners: LosantOwner[] = [
    { kind: 'user' },
    ...idList(context.env.LOSANT_APPLICATION_ID).map((id) => ({
      kind: 'application' as const,
      id,
    })),
    ...idList(context.env.LOSANT_INSTANCE_ID).map((id) => ({ kind: 'instance' as const, id })),
  ];
  // A read is the only action that can be tried without changing anything.
  const access = await Promise.all(
    owners.map((owner) =>
      probe(
        describeOwner(owner),
        ['list', 'get'],
        () => ownerTokens(client, owner).list({ perPage: 1 }),
        'losant',
      ),
    ),
  );
  const baseUrl = credentials.url ?? DEFAULT_URL;
  return { vendor: 'losant', baseUrl, works: access.some((entry) => !entry.error), access };
}

async function instanaStatus(context: CommandContext): Promise<VendorStatusJson> {
  const credentials = instanaCredentials(context.env);
  context.output.addSecret(credentials.apiToken);
  const { client } = await connectInstana(credentials, context);
  // Listing needs canConfigureApiTokens, the one permission every token action needs.
  const all = ['list', 'get', 'create', 'update', 'delete'];
  const access = [await probe('API tokens', all, () => client.apiTokens.getApiTokens(), 'instana')];
  return { vendor: 'instana', baseUrl: credentials.baseUrl, works: !access[0]?.error, access };
}

/** `tokenkit auth status`: every configured vendor, its URL and what the credential may do. */
export const status: Action<undefined, AuthStatusJson> = {
  async run(context) {
    const { env } = context;
    const checks = [
      ...(env.LOSANT_ACCESS_TOKEN !== undefined ? [losantStatus(context)] : []),
      ...(env.INSTANA_API_TOKEN !== undefined ? [instanaStatus(context)] : []),
    ];
    if (checks.length === 0) {
      throw authError(
        'no credentials configured',
        'export LOSANT_ACCESS_TOKEN and/or INSTANA_API_TOKEN (with INSTANA_BASE_URL)',
      );
    }
    return { vendors: await Promise.all(checks) };
  },
  renderHuman(output, { vendors }) {
    const c = output.color;
    for (const vendor of vendors) {
      const verdict = vendor.works ? c.green('✓ credential works') : c.red('✗ credential fails');
      output.print(`${c.bold(vendor.vendor)}  ${vendor.baseUrl}  ${verdict}`);
      for (const entry of vendor.access) {
        const what = entry.error
          ? c.red(sanitize(entry.error))
          : `may ${entry.actions.join(', ')} tokens`;
        output.print(`  ${entry.owner}: ${what}`);
      }
    }
  },
  renderJson: (output, result) => output.printJson(result),
  exitCode: ({ vendors }) =>
    vendors.every((vendor) => vendor.works) ? ExitCode.ok : ExitCode.auth,
};

export const authStatus = (context: CommandContext) => perform(context, status, undefined);
