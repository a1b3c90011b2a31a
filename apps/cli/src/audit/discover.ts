import type { Application } from '@tokenkit/losant';
import type { LosantClient } from '../losant/client.js';
import { explainForbidden } from '../losant/owner-tokens.js';
import type { RequestGate } from './gate.js';
import { eachPage, perPage } from './pages.js';

/** A Losant application as the listing gives it. */
export type ApplicationSummary = Application;

/**
 * Lists every application the credential can see (or one organization's, with `orgId`) and
 * hands each one, once, to `found` with its position in the listing, as its page arrives, so
 * its tokens are read while later pages of applications are still on the way. A 403 names the
 * scopes the listing needs.
 */
export async function discoverApplications(
  client: LosantClient,
  gate: RequestGate,
  scope: { orgId?: string },
  found: (app: ApplicationSummary, id: string, position: number) => void,
): Promise<void> {
  const seen = new Set<string>();
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
      if (id === undefined || seen.has(id.toLowerCase())) continue;
      seen.add(id.toLowerCase());
      found(app, id, index * perPage + offset);
    }
  });
}
