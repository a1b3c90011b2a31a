import type { LosantClient } from '../losant/client.js';
import { eachPage, perPage } from './pages.js';

/** The fields of a Losant application the audit reads. */
export interface ApplicationSummary {
  id?: string | undefined;
  applicationId?: string | undefined;
  name?: string | undefined;
  ownerId?: string | undefined;
  ownerType?: string | undefined;
  organizationName?: string | undefined;
}

// TODO(merge): client.applications lands with the SDK's applications resource.
function applications(client: LosantClient): {
  get(params: { orgId?: string; page: number; perPage: number }): Promise<{
    items?: ApplicationSummary[];
    totalCount?: number;
  }>;
} {
  return (client as unknown as { applications: ReturnType<typeof applications> }).applications;
}

/**
 * Lists every application the credential can see (or one organization's, with `orgId`) and
 * hands each one, once, to `found` with its position in the listing, as its page arrives, so its tokens are read while later pages
 * of applications are still on the way.
 */
export async function discoverApplications(
  client: LosantClient,
  scope: { orgId?: string },
  found: (app: ApplicationSummary, id: string, position: number) => void,
): Promise<void> {
  const seen = new Set<string>();
  await eachPage(
    (page) => applications(client).get({ ...scope, page, perPage }),
    (page, index) => {
      for (const [offset, app] of (page.items ?? []).entries()) {
        const id = app.id ?? app.applicationId;
        if (id === undefined || seen.has(id.toLowerCase())) continue;
        seen.add(id.toLowerCase());
        found(app, id, index * perPage + offset);
      }
    },
  );
}
