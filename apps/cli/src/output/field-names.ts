/** Which vendor a failed call went to, for hints that name the right variable. */
export type Vendor = 'losant' | 'instana';

/**
 * What the person typed for each SDK field, so an error names their flag, argument or variable
 * (`--application`, not `applicationId`). Paths lose their list index first
 * (`apiToken.scope[1]` → `apiToken.scope`).
 */
const typedAs: Record<Vendor, Readonly<Record<string, string>>> = {
  losant: {
    apiTokenId: 'the token id',
    applicationId: '--application',
    instanceId: '--instance',
    'apiToken.name': '--name',
    'apiToken.scope': '--scope',
    'apiToken.expirationDate': '--expires',
    'apiToken.description': '--description',
    'apiToken.status': '--status',
    page: '--page',
    perPage: '--per-page',
    filter: '--filter',
    filterField: '--filter-field',
    sortField: '--sort-field',
    sortDirection: '--sort-direction',
    url: 'LOSANT_API_URL',
  },
  instana: {
    internalId: 'the internal id',
    name: '--name',
    'apiToken.name': '--name',
    expiresOn: '--expires',
    baseUrl: 'INSTANA_BASE_URL',
  },
};

/** The SDK option that holds the credential, per vendor. */
const credentialField: Record<Vendor, string> = { losant: 'accessToken', instana: 'apiToken' };

/** Where the credential came from, as an error should name it. */
export function credentialSource(vendor: Vendor, fromStdin: boolean): string {
  if (fromStdin) return 'the token read from standard input (--token-stdin)';
  return vendor === 'losant' ? 'LOSANT_ACCESS_TOKEN' : 'INSTANA_API_TOKEN';
}

/**
 * The name the person knows an SDK field by, or `undefined` when it has none (then the SDK's
 * own path is the best there is).
 */
export function typedName(vendor: Vendor, field: string, fromStdin: boolean): string | undefined {
  const path = field.replace(/\[\d+\]/g, '');
  if (path === credentialField[vendor]) return credentialSource(vendor, fromStdin);
  return typedAs[vendor][path];
}
