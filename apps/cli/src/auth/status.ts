import { type Action, perform } from '../cli/action.js';
import type { CommandContext } from '../cli/context.js';
import { type CredentialVendor, credentialVariables, describeOrigin } from '../credentials.js';
import { authError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { describeError } from '../output/describe-error.js';
import type { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import type { IdentityJson } from './identity.js';
import type { AuthStatusJson, VendorStatusJson } from './json-shapes.js';

/** The vendor's entry with its status next to its name, where a reader looks first. */
function withStatus(
  entry: Omit<VendorStatusJson, 'status' | 'error'>,
  status: VendorStatusJson['status'],
  error?: string,
): VendorStatusJson {
  const { vendor, ...rest } = entry;
  return { vendor, status, ...rest, ...(error === undefined ? {} : { error }) };
}

async function vendorStatus(
  context: CommandContext,
  vendor: CredentialVendor,
): Promise<VendorStatusJson> {
  const credential = context.credentials.origins[vendor] ?? null;
  const blank = { vendor, credential, baseUrl: null, identity: null, access: [] };
  const failure = context.credentials.failures[vendor];
  if (failure) return withStatus(blank, 'error', describeError(failure).message);
  if (!context.env[credentialVariables[vendor].token]?.trim()) {
    return withStatus(blank, 'not configured');
  }
  try {
    const check =
      vendor === 'losant'
        ? await (await import('./losant-status.js')).checkLosant(context)
        : await (await import('./instana-status.js')).checkInstana(context);
    const { verdict, baseUrl, identity, access } = check;
    return withStatus({ ...blank, baseUrl, identity: identity ?? null, access }, verdict);
  } catch (error) {
    return withStatus(blank, 'error', describeError(error, vendor).message);
  }
}

const verdictWords: Record<VendorStatusJson['status'], string> = {
  valid: '✓ valid',
  limited: '✓ valid, limited (some routes refuse it: 403)',
  invalid: '✗ invalid (refused: 401)',
  unreachable: '✗ unreachable',
  error: '✗ cannot check',
  'not configured': '– not configured',
};

function identityLine(identity: IdentityJson): string {
  const who = identity.name
    ? `"${identity.name}" (${identity.id})`
    : `JWT subject ${identity.id ?? 'unknown'}`;
  const owner = identity.owner ? ` of ${identity.owner}` : '';
  const expires =
    identity.expires === undefined
      ? 'expiry unknown'
      : identity.expires === null
        ? 'never expires'
        : `expires ${identity.expires}`;
  return `${who}${owner}, ${expires} (from its ${identity.source})`;
}

function renderVendor(output: Output, vendor: VendorStatusJson): void {
  const c = output.color;
  const good = vendor.status === 'valid' || vendor.status === 'limited';
  const paint = good ? c.green : vendor.status === 'not configured' ? c.dim : c.red;
  output.print(
    `${c.bold(vendor.vendor)}  ${vendor.baseUrl ?? ''}${vendor.baseUrl ? '  ' : ''}${paint(verdictWords[vendor.status])}`,
  );
  if (vendor.credential) output.print(`  credential: ${describeOrigin(vendor.credential)}`);
  else if (vendor.status === 'not configured') {
    const variable = credentialVariables[vendor.vendor].token;
    output.print(`  ${variable} is not set, and no profile gives one`);
  }
  if (vendor.identity) output.print(`  identity: ${sanitize(identityLine(vendor.identity))}`);
  if (vendor.error) output.print(`  ${c.red(sanitize(vendor.error))}`);
  for (const entry of vendor.access) {
    const what = entry.error
      ? c.red(sanitize(entry.error))
      : `may ${entry.actions.join(', ')} tokens`;
    output.print(`  ${entry.owner}: ${what}`);
  }
}

/** `tokenkit auth status`: each vendor, its URL, whose credential from where, what it may do. */
export const status: Action<undefined, AuthStatusJson, AuthStatusJson> = {
  async run(context) {
    const vendors = await Promise.all([
      vendorStatus(context, 'losant'),
      vendorStatus(context, 'instana'),
    ]);
    if (vendors.every((vendor) => vendor.status === 'not configured')) {
      throw authError(
        'no credentials configured',
        'export LOSANT_ACCESS_TOKEN and/or INSTANA_API_TOKEN (with INSTANA_BASE_URL), or use --profile',
      );
    }
    return { profile: context.credentials.profile ?? null, vendors };
  },
  renderHuman(output, { profile, vendors }) {
    if (profile) output.print(`profile: ${profile}`);
    for (const vendor of vendors) renderVendor(output, vendor);
  },
  toJson: (result) => result,
  exitCode: ({ vendors }) => {
    const statuses = vendors.map((vendor) => vendor.status);
    if (statuses.some((s) => s === 'invalid' || s === 'error')) return ExitCode.auth;
    if (statuses.includes('unreachable')) return ExitCode.failure;
    return ExitCode.ok;
  },
};

export const authStatus = (context: CommandContext) => perform(context, status, undefined);
