import PQueue from 'p-queue';
import type { InstanaClient } from '../vendors/instana/client.js';
import type { LosantClient } from '../vendors/losant/client.js';
import { ownerTokens } from '../vendors/losant/owner-tokens.js';
import type { LosantOwner } from '../vendors/losant/types.js';
import { type ApplicationSummary, discoverApplications } from './discover.js';
import type { RequestGate } from './gate.js';
import { auditInstanaToken, auditLosantToken } from './normalize.js';
import type { OwnerFacts } from './owner-rules.js';
import { eachPage, perPage } from './pages.js';
import type { AuditToken, Finding } from './types.js';

/** What one owner contributed to the audit, or why it could not be audited. */
export interface OwnerResult {
  facts: OwnerFacts;
  /** Read without being named (your own user tokens): a 403 there is skipped, not a failure. */
  implicit: boolean;
  tokens: number;
  findings: number;
  error?: unknown;
}

/** Running totals, for the progress line. */
export interface WalkTally {
  ownersTotal: number;
  ownersDone: number;
  tokens: number;
  findings: number;
}

/** The outcome of a walk: owners in a stable order, findings unsorted. */
export interface AuditWalk {
  owners: OwnerResult[];
  findings: Finding[];
  /** Why `--all-applications` could not list the applications, if it could not. */
  discoveryError?: unknown;
}

/** What to walk and how to judge what is found. */
export interface WalkOptions {
  losant?: {
    client: LosantClient;
    owners: LosantOwner[];
    discover?: { orgId?: string } | undefined;
  };
  instana?: { client: InstanaClient };
  /** Every SDK call of the walk goes through it. */
  gate: RequestGate;
  /**
   * How many owners are read at once. Their pages queue at the request gate; bounding them keeps
   * that queue (and the memory its pending calls hold) short however many owners there are.
   * @default Infinity
   */
  ownersAtOnce?: number;
  /** Counts the walk keeps up to date, for a progress line. */
  tally?: WalkTally;
  /** The findings for one page of an owner's tokens; the tokens are not kept. */
  judge(facts: OwnerFacts, tokens: AuditToken[]): Finding[];
  onOwnerDone?(result: OwnerResult): void;
}

/** Counts at zero. */
export function newTally(): WalkTally {
  return { ownersTotal: 0, ownersDone: 0, tokens: 0, findings: 0 };
}

type Reader = (take: (tokens: AuditToken[]) => void) => Promise<void>;

const kindRank = { user: 0, instance: 1, application: 2, tenant: 3 } as const;

function losantReader(client: LosantClient, owner: LosantOwner, gate: RequestGate): Reader {
  const tokens = ownerTokens(client, owner);
  const tokenOwner = { vendor: 'losant', ...owner } as const;
  return (take) =>
    eachPage(
      (page) => gate.run(() => tokens.list({ page, perPage })),
      (page) => take((page.items ?? []).map((token) => auditLosantToken(tokenOwner, token))),
    );
}

/** Instana's one list call; a spent hourly budget pauses the walk until it refills. */
function instanaReader(client: InstanaClient, gate: RequestGate): Reader {
  return async (take) => {
    const tokens = await gate.run(() => client.apiTokens.getApiTokens());
    if (client.rateLimit?.remaining === 0) gate.pauseUntil(client.rateLimit.resetAt);
    take(tokens.map(auditInstanaToken));
  };
}

function applicationFacts(app: ApplicationSummary, id: string): OwnerFacts {
  return {
    owner: { vendor: 'losant', kind: 'application', id },
    name: app.name,
    organizationId: app.ownerType === 'organization' ? app.ownerId : undefined,
    organizationName: app.organizationName,
  };
}

/**
 * Walks every owner at once (the request gate bounds what is in flight), judging each page of
 * tokens as it arrives. One owner failing does not stop the others: its error is kept instead of
 * its findings.
 */
export function createWalk(options: WalkOptions): { run(): Promise<AuditWalk> } {
  const tally = options.tally ?? newTally();
  const reading = new PQueue({ concurrency: options.ownersAtOnce ?? Number.POSITIVE_INFINITY });
  const owners: OwnerResult[] = [];
  const findings: Finding[] = [];
  const jobs: Promise<void>[] = [];

  // Where each owner goes in the report: as named, then discovered ones in listing order.
  const order = new Map<OwnerResult, number>();

  const audit = (
    facts: OwnerFacts,
    implicit: boolean,
    read: Reader,
    position = order.size,
  ): void => {
    const result: OwnerResult = { facts, implicit, tokens: 0, findings: 0 };
    const found: Finding[] = [];
    owners.push(result);
    order.set(result, position);
    tally.ownersTotal++;
    const job = reading
      .add(() =>
        read((tokens) => {
          const judged = options.judge(facts, tokens);
          for (const finding of judged) found.push(finding);
          result.tokens += tokens.length;
          tally.tokens += tokens.length;
          tally.findings += judged.length;
        }),
      )
      .then(
        () => {
          result.findings = found.length;
          // One at a time: spreading a large owner's findings would overflow the call stack.
          for (const finding of found) findings.push(finding);
        },
        (error: unknown) => {
          tally.findings -= found.length;
          result.error = error;
        },
      );
    jobs.push(
      job.finally(() => {
        tally.ownersDone++;
        options.onOwnerDone?.(result);
      }),
    );
  };

  const run = async (): Promise<AuditWalk> => {
    const walk: AuditWalk = { owners, findings };
    const { losant, instana } = options;
    if (instana) {
      const tenant = { vendor: 'instana', kind: 'tenant' } as const;
      audit({ owner: tenant }, false, instanaReader(instana.client, options.gate));
    }
    if (losant) {
      // With discovery, named applications wait for the listing: found there, they are audited
      // once, with the name and organization that policy overrides match on.
      const named = new Map<string, LosantOwner>();
      for (const owner of losant.owners) {
        if (owner.kind === 'application' && losant.discover)
          named.set(owner.id.toLowerCase(), owner);
        else
          audit(
            { owner: { vendor: 'losant', ...owner } },
            owner.kind === 'user',
            losantReader(losant.client, owner, options.gate),
          );
      }
      if (losant.discover) {
        const listed = 1_000_000_000;
        try {
          await discoverApplications(
            losant.client,
            options.gate,
            losant.discover,
            (app, id, position) => {
              named.delete(id.toLowerCase());
              const owner = { kind: 'application', id } as const;
              const read = losantReader(losant.client, owner, options.gate);
              audit(applicationFacts(app, id), false, read, listed + position);
            },
          );
        } catch (error) {
          walk.discoveryError = error;
        }
        for (const owner of named.values()) {
          const read = losantReader(losant.client, owner, options.gate);
          audit({ owner: { vendor: 'losant', ...owner } }, false, read, 2 * listed + order.size);
        }
      }
    }
    await Promise.all(jobs);
    owners.sort(
      (a, b) =>
        kindRank[a.facts.owner.kind] - kindRank[b.facts.owner.kind] ||
        (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    return walk;
  };
  return { run };
}
