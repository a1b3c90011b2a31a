import type { Clock } from '../clock.js';
import type {
  LosantApiToken,
  LosantApplication,
  LosantApplicationSeed,
  LosantCreatedApiToken,
  LosantStoreOwner,
  LosantTokenSeed,
} from '../models.js';
import { newObjectId, type RandomSource } from '../random.js';
import { buildApplication, isoDate, type Organization } from './application.js';

/** A token collection's owner, resolved: `user` carries the seeded user's id. */
export interface OwnerRef {
  readonly kind: 'instance' | 'application' | 'user';
  readonly id: string;
}

/** Who creates a token: fills `creatorId`, `creatorType`, `creatorName`. */
export interface Creator {
  readonly id: string;
  readonly type: 'apiToken' | 'user' | 'flow';
  readonly name: string;
}

/** A stored token and the collection it is in. */
export interface StoredToken {
  readonly owner: OwnerRef;
  /** The stored token including its secret; patch by mutating (single-threaded, synchronous). */
  readonly token: LosantCreatedApiToken;
}

/** The seeded Losant world. */
export interface LosantSeed {
  readonly instanceId: string;
  readonly applicationId: string;
  readonly userId: string;
  readonly userName: string;
}

/** The in-memory Losant data: owners, their token collections, and a secret index for auth. */
export interface LosantStore {
  readonly seed: LosantSeed;
  /** Resolves the public owner form; throws on a malformed id. */
  owner(owner: LosantStoreOwner): OwnerRef;
  /** Whether the instance or application exists (the user always does). */
  hasOwner(owner: OwnerRef): boolean;
  /** Creates the instance or application (owned by the seeded user) if it does not exist yet. */
  register(owner: OwnerRef): void;
  /** Adds an application owned by the seeded user or by `org`; throws on a malformed or duplicate id. */
  addApplication(seed: LosantApplicationSeed, org?: Organization): LosantApplication;
  /** The organization `id` (lower-cased), created with `name` (or a generated one) if new. */
  organization(id: string, name?: string): Organization;
  /** Every application in insertion order (the live records). */
  applications(): LosantApplication[];
  /** Number of tokens in an owner's collection. */
  tokenCount(owner: OwnerRef): number;
  /** The collection in insertion order (the live records: do not mutate outside a handler). */
  tokens(owner: OwnerRef): LosantCreatedApiToken[];
  get(owner: OwnerRef, id: string): LosantCreatedApiToken | undefined;
  /** Builds and inserts a token (registering the owner); throws on a malformed or duplicate id. */
  create(owner: OwnerRef, fields: LosantTokenSeed, creator: Creator): LosantCreatedApiToken;
  remove(owner: OwnerRef, id: string): boolean;
  /** Finds a token by its secret, wherever it lives. */
  bySecret(secret: string): StoredToken | undefined;
  /** Back to the seeded owners with no tokens. */
  reset(): void;
}

const OBJECT_ID = /^[A-Fa-f\d]{24}$/;

/** Default scope of a token created without one (the mock's choice: `apiTokenPost` names none). */
const DEFAULT_SCOPE: Record<OwnerRef['kind'], string> = {
  instance: 'all.Instance',
  application: 'all.Application',
  user: 'all.User',
};

/** Creates the Losant store around the seeded instance, application and user. */
export function createLosantStore(
  seed: LosantSeed,
  random: RandomSource,
  clock: Clock,
): LosantStore {
  const collections = new Map<string, Map<string, LosantCreatedApiToken>>();
  const secrets = new Map<string, StoredToken>();
  const applications = new Map<string, LosantApplication>();
  const organizations = new Map<string, Organization>();

  const keyOf = (owner: OwnerRef): string => `${owner.kind}:${owner.id}`;
  const user = { kind: 'user', id: seed.userId } as const;
  const register = (owner: OwnerRef): Map<string, LosantCreatedApiToken> => {
    const key = keyOf(owner);
    let collection = collections.get(key);
    if (collection === undefined) {
      collection = new Map();
      collections.set(key, collection);
    }
    if (owner.kind === 'application' && !applications.has(owner.id)) {
      applications.set(owner.id, buildApplication({ id: owner.id }, user.id, random, clock()));
    }
    return collection;
  };
  const addApplication = (fields: LosantApplicationSeed, org?: Organization) => {
    const application = buildApplication(fields, user.id, random, clock(), org);
    if (applications.has(application.id)) {
      throw new TypeError(`an application with id ${application.id} already exists`);
    }
    applications.set(application.id, application);
    register({ kind: 'application', id: application.id });
    return application;
  };
  const seedOwners = (): void => {
    register({ kind: 'instance', id: seed.instanceId });
    addApplication({ id: seed.applicationId, name: 'Mock Application' });
    register(user);
  };
  seedOwners();

  return {
    seed,
    owner(owner) {
      if (owner === 'user') return { kind: 'user', id: seed.userId };
      const [kind, id] =
        'instanceId' in owner
          ? (['instance', owner.instanceId] as const)
          : (['application', owner.applicationId] as const);
      if (!OBJECT_ID.test(id)) throw new TypeError(`${kind}Id must be 24 hex characters: ${id}`);
      return { kind, id: id.toLowerCase() };
    },
    hasOwner: (owner) => collections.has(keyOf(owner)),
    register,
    addApplication,
    organization(id, name) {
      if (!OBJECT_ID.test(id)) throw new TypeError(`orgId must be 24 hex characters: ${id}`);
      const key = id.toLowerCase();
      let org = organizations.get(key);
      if (org === undefined) {
        org = { id: key, name: name ?? `Organization ${key.slice(-6)}` };
        organizations.set(key, org);
      }
      return org;
    },
    applications: () => [...applications.values()],
    tokenCount: (owner) => collections.get(keyOf(owner))?.size ?? 0,
    tokens: (owner) => [...(collections.get(keyOf(owner))?.values() ?? [])],
    get: (owner, id) => collections.get(keyOf(owner))?.get(id.toLowerCase()),
    create(owner, fields, creator) {
      const token = buildToken(owner, fields, creator, random, clock());
      const collection = register(owner);
      if (collection.has(token.id) || secrets.has(token.token)) {
        throw new TypeError(`a token with id ${token.id} (or the same secret) already exists`);
      }
      collection.set(token.id, token);
      secrets.set(token.token, { owner, token });
      return token;
    },
    remove(owner, id) {
      const collection = collections.get(keyOf(owner));
      const token = collection?.get(id.toLowerCase());
      if (collection === undefined || token === undefined) return false;
      collection.delete(token.id);
      secrets.delete(token.token);
      return true;
    },
    bySecret: (secret) => secrets.get(secret),
    reset() {
      collections.clear();
      secrets.clear();
      applications.clear();
      organizations.clear();
      seedOwners();
    },
  };
}

/** Removes the secret: the shape every read (get, list, patch) returns. */
export function withoutSecret(token: LosantCreatedApiToken): LosantApiToken {
  const { token: _secret, ...rest } = token;
  return rest;
}

function buildToken(
  owner: OwnerRef,
  fields: LosantTokenSeed,
  creator: Creator,
  random: RandomSource,
  now: number,
): LosantCreatedApiToken {
  const id = (fields.id ?? fields.apiTokenId ?? newObjectId(random, now)).toLowerCase();
  if (!OBJECT_ID.test(id)) throw new TypeError(`token id must be 24 hex characters: ${id}`);
  const created = isoDate(fields.creationDate) ?? new Date(now).toISOString();
  // Key order follows the example in `losant-rest`'s `docs/_schemas.md`.
  const token: LosantCreatedApiToken = {
    id,
    apiTokenId: id,
    ownerId: owner.id,
    // Instance tokens: `losant-rest`'s `apiToken` schema has no `instance` ownerType: left out.
    ...(owner.kind === 'instance' ? {} : { ownerType: owner.kind }),
    creatorId: fields.creatorId ?? creator.id,
    creatorType: fields.creatorType ?? creator.type,
    creatorName: fields.creatorName ?? creator.name,
    name: fields.name ?? `Token ${id.slice(-6)}`,
    creationDate: created,
    lastUpdated: isoDate(fields.lastUpdated) ?? created,
    scope: [...(fields.scope ?? [DEFAULT_SCOPE[owner.kind]])],
    status: fields.status ?? 'active',
    token: fields.token ?? losantSecret(random, id, now),
  };
  if (fields.description !== undefined) token.description = fields.description;
  const expiration = isoDate(fields.expirationDate);
  if (expiration !== undefined) token.expirationDate = expiration;
  if (fields.defaultRole !== undefined) token.defaultRole = fields.defaultRole;
  if (fields.orgRoles !== undefined) token.orgRoles = structuredClone(fields.orgRoles);
  return token;
}

/**
 * A JWT-shaped secret (Losant's API tokens are JWTs). Its signature part is random, so it proves
 * nothing; the server only looks it up.
 */
export function losantSecret(random: RandomSource, subject: string, now: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'HS256', typ: 'JWT' });
  const payload = part({ sub: subject, iss: 'tokenkit-mock', iat: Math.floor(now / 1000) });
  return `${header}.${payload}.${random.bytes(32).toString('base64url')}`;
}
