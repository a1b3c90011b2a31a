import { path } from '@tokenkit/core';
import type { LosantAction } from '@tokenkit/schemas/losant';
import { type ActionKind, actionKinds } from './action-kinds.js';
import { type Owner, owners } from './owners.js';
import { type ParamsSchema, paramsSchema } from './params-schema.js';

/** One of the fifteen actions: an owner crossed with a kind. */
export interface ActionEntry {
  readonly name: LosantAction;
  /** The resource it lives on, e.g. `instanceApiToken`. */
  readonly resource: string;
  readonly owner: Owner;
  readonly kind: ActionKind;
  /** Validates the action's params bag; built once, shared by every client. */
  readonly schema: ParamsSchema;
}

/** Turns `instanceApiTokens` into `instance-api-tokens`, the slug of its docs page. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The vendor's doc page for an action, e.g. `https://docs.losant.com/rest-api/instance-api-tokens/#get`. */
export function docsUrl(resource: string, verb: string): string {
  return `https://docs.losant.com/rest-api/${kebab(resource)}/#${verb}`;
}

/** The path template of an action, e.g. `/instances/{instanceId}/tokens/{apiTokenId}`. */
export function pathTemplate(owner: Owner, kind: ActionKind): string {
  return `${owner.baseTemplate}/tokens${kind.on === 'item' ? '/{apiTokenId}' : ''}`;
}

/** The encoded path of one request, from validated params. */
export function requestPath(
  owner: Owner,
  kind: ActionKind,
  params: Readonly<Record<string, unknown>>,
): string {
  const tokens = `${owner.basePath(params)}/tokens`;
  return kind.on === 'item' ? `${tokens}${path`/${params.apiTokenId}`}` : tokens;
}

/** All fifteen actions, owner by owner. */
export const actionTable: readonly ActionEntry[] = owners.flatMap((owner) =>
  actionKinds.map((kind) => {
    const resource = kind.on === 'collection' ? owner.collection : owner.item;
    const name = `${resource}.${kind.verb}` as LosantAction;
    return { name, resource, owner, kind, schema: paramsSchema(owner, kind, name) };
  }),
);
