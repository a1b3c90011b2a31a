import type { RequestOptions } from '@tokenkit/core';
import type { InstanaClient } from '@tokenkit/instana';
import type { LosantClient } from '@tokenkit/losant';
import { diff, type LiveState } from './diff.js';
import { PruneScopeError } from './errors.js';
import { distinctOwners, readInstana, readLosant } from './live.js';
import type { Plan } from './records.js';
import type { LosantOwner, TokensFile } from './types.js';

/** A vendor's client, and the credential it authenticates with (so a plan never deletes it). */
export interface VendorConnection<Client> {
  readonly client: Client;
  /** The access token or API token the client sends; used only to recognise its own token. */
  readonly credential?: string | undefined;
}

/** The clients a plan or apply reads and changes tokens with. */
export interface Connections {
  /** Needed when the file declares or prunes Losant tokens. */
  readonly losant?: VendorConnection<LosantClient> | undefined;
  /** Needed when the file declares or prunes Instana tokens. */
  readonly instana?: VendorConnection<InstanaClient> | undefined;
}

/** How to make a plan. */
export interface PlanOptions {
  /** Delete undeclared tokens inside the file's `prune` scopes. @default false */
  readonly prune?: boolean | undefined;
  /** How many owners' tokens are read at once. @default 8 */
  readonly concurrency?: number | undefined;
  /** The clock rotation ages are measured with. @default the system clock */
  readonly now?: Date | undefined;
  /** Passed to every request (a `signal`, a `timeout`). @default undefined */
  readonly requestOptions?: RequestOptions | undefined;
}

/** Which vendors a file needs a connection for. */
export function vendorsOf(file: TokensFile): { losant: boolean; instana: boolean } {
  return {
    losant: file.losant.length > 0 || (file.prune?.losant.length ?? 0) > 0,
    instana: file.instana.length > 0 || (file.prune?.instana.length ?? 0) > 0,
  };
}

function connection<Client>(
  given: VendorConnection<Client> | undefined,
  vendor: string,
): VendorConnection<Client> {
  if (given === undefined)
    throw new TypeError(`the tokens file names ${vendor} tokens: pass a ${vendor} client`);
  return given;
}

async function readLive(
  file: TokensFile,
  connections: Connections,
  options: PlanOptions,
): Promise<LiveState> {
  const needs = vendorsOf(file);
  const owners: LosantOwner[] = distinctOwners([
    ...file.losant.map((entry) => entry.owner),
    ...(file.prune?.losant ?? []),
  ]);
  const concurrency = options.concurrency ?? 8;
  const [losant, instana] = await Promise.all([
    needs.losant
      ? readLosant(
          connection(connections.losant, 'Losant').client,
          owners,
          concurrency,
          options.requestOptions,
        )
      : new Map(),
    needs.instana
      ? readInstana(connection(connections.instana, 'Instana').client, options.requestOptions)
      : [],
  ]);
  return { losant, instana };
}

/**
 * Reads the live tokens of every owner the file names and compares them with the declared
 * ones. Sends only reads.
 *
 * @throws PruneScopeError when `prune` is asked for and the file has no `prune` section;
 *   TypeError when the file names a vendor whose connection is missing; the SDK's errors when
 *   a read fails.
 */
export async function makePlan(
  file: TokensFile,
  connections: Connections,
  options: PlanOptions = {},
): Promise<Plan> {
  const prune = options.prune ?? false;
  if (prune && file.prune === undefined) {
    throw new PruneScopeError(
      '--prune needs a prune section in the tokens file: it says where undeclared tokens may be deleted',
    );
  }
  const live = await readLive(file, connections, options);
  const verdicts = diff(file, live, {
    prune,
    now: options.now ?? new Date(),
    losantCredential: connections.losant?.credential,
    instanaCredential: connections.instana?.credential,
  });
  return {
    changes: verdicts.changes,
    unchanged: verdicts.unchanged,
    unmanaged: verdicts.unmanaged,
    conflicts: verdicts.conflicts,
    notes: [...verdicts.notes],
  };
}
