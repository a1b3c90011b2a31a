import type { OwnerFacts } from './owner-rules.js';
import type { OwnerJson, TokenOwner } from './types.js';

export type { OwnerJson } from './types.js';

/** The owner as it appears in `--json`: `{ kind, id?, name? }` beside a separate `vendor`. */
export function ownerFields(facts: Pick<OwnerFacts, 'owner' | 'name'>): {
  vendor: TokenOwner['vendor'];
  owner: OwnerJson;
} {
  const { owner, name } = facts;
  const id = owner.vendor === 'losant' && owner.kind !== 'user' ? { id: owner.id } : {};
  return {
    vendor: owner.vendor,
    owner: { kind: owner.kind, ...id, ...(name === undefined ? {} : { name }) },
  };
}

// One object per owner, shared by all of its findings: an audit may hold 100,000 of them.
const shared = new WeakMap<TokenOwner, OwnerJson>();

/** A finding's owner (no name): the same object for every finding of the same `owner`. */
export function findingOwner(owner: TokenOwner): OwnerJson {
  let json = shared.get(owner);
  if (json === undefined) {
    json = ownerFields({ owner }).owner;
    shared.set(owner, json);
  }
  return json;
}

/** `losant/application/<id>`: one string per owner, to find a finding's owner among the sources. */
export function ownerKey(vendor: string, owner: OwnerJson): string {
  return `${vendor}/${owner.kind}/${owner.id ?? ''}`;
}
