import type { Application } from '@tokenkit/losant';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { LosantClient } from '../vendors/losant/client.js';
import { explainForbidden } from '../vendors/losant/owner-tokens.js';
import type { RequestGate } from './gate.js';
import { eachPage, perPage } from './pages.js';

/** A Losant application as the listing gives it. */
export type ApplicationSummary = Application;

/**
 * Lists every application the credential can see (or one organization's, with `orgId`) and
 * hands each one, once, to `found` with its position in the listing, as its page arrives, so
 * its tokens are read while later pages of applications are still on the way. A 403 names the
 * scopes the listing needs. An entry without an id cannot be audited: the others still are, and
 * then the listing fails naming it (so the run fails and the report lists it as not audited).
 */
export async function discoverApplications(
  client: LosantClient,
  gate: RequestGate,
  scope: { orgId?: string },
  found: (app: ApplicationSummary, id: string, position: number) => void,
): Promise<void> {
  const seen = new Set<string>();
  const unidentified: string[] = [];
  const { get } = client.applications;
  const list = (page: number) =>
    gate
      .run(() => get({ ...scope, page, perPage }))
      .catch((error: unknown) => {
        throw explainForbidden(error, get);
      });
  await eachPage(list, (page, index) => {
    for (const [offset, app] of (page.items ?? []).entries()) {
      const id = app.id ?? app.applicationId;
      if (id === undefined) unidentified.push(unidentifiedEntry(app, index * perPage + offset));
      if (id === undefined || seen.has(id.toLowerCase())) continue;
      seen.add(id.toLowerCase());
      found(app, id, index * perPage + offset);
    }
  });
  if (unidentified.length > 0) {
    throw new CliError(
      `the application listing has ${unidentified.length === 1 ? 'an entry' : `${unidentified.length} entries`} without an id, so ${unidentified.length === 1 ? 'it was' : 'they were'} not audited: ${unidentified.join(', ')}`,
      { exitCode: ExitCode.failure },
    );
  }
}

/** How the report names a listed application without an id: its position, and its name. */
function unidentifiedEntry(app: ApplicationSummary, position: number): string {
  return app.name === undefined ? `#${position + 1}` : `#${position + 1} "${app.name}"`;
}
