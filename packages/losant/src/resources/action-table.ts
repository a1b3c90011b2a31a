import { actionScopes, type LosantAction } from '@tokenkit/schemas/losant';
import { type ActionKind, actionKinds } from './action-kinds.js';
import { docsUrl, type Endpoint } from './endpoint.js';
import { type Owner, owners } from './owners.js';
import { paramsSchema } from './params-schema.js';

/** One of the fifteen token actions: an owner crossed with a kind. */
export interface ActionEntry extends Endpoint<LosantAction> {
  /** The resource it lives on, e.g. `instanceApiToken`. */
  readonly resource: string;
  readonly owner: Owner;
  readonly kind: ActionKind;
}

/** The path template of an action, e.g. `/instances/{instanceId}/tokens/{apiTokenId}`. */
function pathTemplate(owner: Owner, kind: ActionKind): string {
  return `${owner.baseTemplate}/tokens${kind.on === 'item' ? '/{apiTokenId}' : ''}`;
}

/** All fifteen actions, owner by owner. */
export const actionTable: readonly ActionEntry[] = owners.flatMap((owner) =>
  actionKinds.map((kind): ActionEntry => {
    const resource = kind.on === 'collection' ? owner.collection : owner.item;
    const name = `${resource}.${kind.verb}` as LosantAction;
    return {
      name,
      resource,
      owner,
      kind,
      summary: kind.summary(owner.noun),
      method: kind.method,
      path: pathTemplate(owner, kind),
      params: paramsSchema(name, { ...owner.idShape, ...kind.shape }),
      query: kind.query,
      body: kind.body,
      response: kind.response,
      scopes: actionScopes[name],
      docs: docsUrl(resource, kind.verb),
    };
  }),
);
