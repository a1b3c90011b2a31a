// Apart from list-query.ts: the command tree reads these at start-up, and the list's filter
// (`@tokenkit/schemas`) must load only when a list runs.

/** What `instana tokens list --sort-field` accepts. */
export const instanaSortFields = [
  'name',
  'internalId',
  'createdOn',
  'expiresOn',
  'lastUsedOn',
] as const;
