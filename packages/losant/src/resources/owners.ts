import { objectId } from '@tokenkit/schemas/losant';

/** What tells one token owner from another: resource names, id param, path and wording. */
export interface Owner {
  /** The list/create resource, e.g. `instanceApiTokens`. */
  readonly collection: 'instanceApiTokens' | 'applicationApiTokens' | 'userApiTokens';
  /** The single-token resource, e.g. `instanceApiToken`. */
  readonly item: 'instanceApiToken' | 'applicationApiToken' | 'userApiToken';
  /** How the owner is named in summaries, e.g. `an instance`. */
  readonly noun: string;
  /** The owner's path param as a schema shape (empty for `/me`). */
  readonly idShape: Readonly<Record<string, typeof objectId>>;
  /** The owner's path as a template, e.g. `/instances/{instanceId}`. */
  readonly baseTemplate: string;
}

/** The three owners of API tokens; every one of the fifteen actions comes from this table. */
export const owners: readonly Owner[] = [
  {
    collection: 'instanceApiTokens',
    item: 'instanceApiToken',
    noun: 'an instance',
    idShape: { instanceId: objectId },
    baseTemplate: '/instances/{instanceId}',
  },
  {
    collection: 'applicationApiTokens',
    item: 'applicationApiToken',
    noun: 'an application',
    idShape: { applicationId: objectId },
    baseTemplate: '/applications/{applicationId}',
  },
  {
    collection: 'userApiTokens',
    item: 'userApiToken',
    noun: 'the current user',
    idShape: {},
    baseTemplate: '/me',
  },
];
