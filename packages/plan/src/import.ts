import type { RequestOptions } from '@tokenkit/core';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { formatDuration } from './duration.js';
import { distinctOwners, readInstana, readLosant } from './live.js';
import { ownerField, ownerKey } from './owner.js';
import type { Connections } from './plan.js';
import type { LiveToken, LosantOwner } from './types.js';

/** What `importTokens` reads. */
export interface ImportSources {
  /** These Losant owners' tokens. */
  readonly losant?: readonly LosantOwner[] | undefined;
  /** Every Losant application the caller can see, or only this organization's (`orgId`). */
  readonly allApplications?: { readonly orgId?: string | undefined } | undefined;
  /** The Instana tenant's tokens. */
  readonly instana?: boolean | undefined;
  /** How many owners are read at once. @default 8 */
  readonly concurrency?: number | undefined;
  /** Passed to every request (a `signal`, a `timeout`). @default undefined */
  readonly requestOptions?: RequestOptions | undefined;
}

/** A tokens file written from live tokens. */
export interface ImportedFile {
  /** The file, YAML; every `deliver` is left empty, with a comment saying what to put there. */
  readonly text: string;
  readonly imported: number;
  /** Tokens left out because another of that owner has the same name: `application:…/name`. */
  readonly skipped: readonly string[];
}

/** The comment on each empty `deliver`, for the person adopting the file. */
export const FILL_IN =
  ' FILL IN where new secrets go: { out: ./path } or { exec: "command reading stdin" }';

function lifetimeOf(token: LiveToken): string | undefined {
  if (token.expiresAt === undefined || token.createdAt === undefined) return undefined;
  const span = token.expiresAt.getTime() - token.createdAt.getTime();
  return span > 0 ? formatDuration(span) : undefined;
}

function entryOf(token: LiveToken): Record<string, unknown> {
  const expires = lifetimeOf(token);
  const common = { ...(expires === undefined ? {} : { expires }), deliver: null };
  if (token.vendor === 'instana')
    return { name: token.name, permissions: [...token.permissions], ...common };
  return {
    name: token.name,
    ...ownerField(token.owner),
    scope: [...token.scope],
    ...(token.description === '' ? {} : { description: token.description }),
    ...(token.status === 'inactive' ? { status: 'inactive' } : {}),
    ...common,
  };
}

/** Keeps the first token of each owner and name; names the others. */
function unique(tokens: readonly LiveToken[], skipped: string[]): LiveToken[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    const key = `${token.vendor === 'losant' ? ownerKey(token.owner) : 'tenant'}/${token.name}`;
    if (!seen.has(key)) return seen.add(key);
    skipped.push(key);
    return false;
  });
}

async function ownersOf(connections: Connections, sources: ImportSources): Promise<LosantOwner[]> {
  const owners: LosantOwner[] = [...(sources.losant ?? [])];
  if (sources.allApplications !== undefined) {
    const client = needLosant(connections);
    const { orgId } = sources.allApplications;
    const query = orgId === undefined ? {} : { orgId };
    for await (const application of client.applications.iterate(query, sources.requestOptions)) {
      if (application.id !== undefined) owners.push({ kind: 'application', id: application.id });
    }
  }
  return distinctOwners(owners);
}

function needLosant(connections: Connections) {
  if (connections.losant === undefined)
    throw new TypeError('importing Losant tokens needs a Losant client');
  return connections.losant.client;
}

/** Puts the fill-in comment on every empty `deliver`. */
function markDeliveries(document: Document): void {
  for (const list of ['losant', 'instana']) {
    const entries = document.get(list, true);
    if (!isSeq(entries)) continue;
    for (const entry of entries.items) {
      if (!isMap(entry)) continue;
      const target = entry.get('deliver', true);
      if (isScalar(target)) target.comment = FILL_IN;
    }
  }
}

/**
 * Writes a tokens file from the live tokens of the owners named, so a team can adopt
 * declarative tokens without typing theirs in. Each `deliver` is left empty and marked: apply
 * refuses to make a new secret for an entry until it says where the secret goes.
 */
export async function importTokens(
  connections: Connections,
  sources: ImportSources,
): Promise<ImportedFile> {
  const owners = await ownersOf(connections, sources);
  const concurrency = sources.concurrency ?? 8;
  const losant =
    owners.length === 0
      ? new Map()
      : await readLosant(needLosant(connections), owners, concurrency, sources.requestOptions);
  let instana: LiveToken[] = [];
  if (sources.instana) {
    if (connections.instana === undefined)
      throw new TypeError('importing Instana tokens needs an Instana client');
    instana = await readInstana(connections.instana.client, sources.requestOptions);
  }
  const skipped: string[] = [];
  const losantTokens = unique([...losant.values()].flat(), skipped);
  const instanaTokens = unique(instana, skipped);
  const data = {
    version: 1,
    ...(losantTokens.length > 0 ? { losant: losantTokens.map(entryOf) } : {}),
    ...(instanaTokens.length > 0 ? { instana: instanaTokens.map(entryOf) } : {}),
  };
  const document = new Document(data);
  document.commentBefore =
    ' Written by tokenkit import. Fill in each deliver before tokenkit apply.';
  markDeliveries(document);
  return {
    text: document.toString({ lineWidth: 0 }),
    imported: losantTokens.length + instanaTokens.length,
    skipped,
  };
}
