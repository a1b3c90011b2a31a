import * as z from 'zod/mini';
import { looseObject } from '#object';
import { closedObject } from '../closed-object.js';
import { mustBe } from '../messages.js';
import { orgRole, resourceRole } from './enums.js';
import { objectId, orgId } from './object-id.js';

const MAX_RESOURCE_ROLES = 100;
const MAX_ORG_ROLES = 25;

const resourceRoleShape = { resourceId: objectId, role: resourceRole };

/** One `applicationRoles[]`/`dashboardRoles[]` entry of a request (closed). */
export const resourceRoleGrant = closedObject(resourceRoleShape);
/** One `applicationRoles[]`/`dashboardRoles[]` entry. */
export type ResourceRoleGrant = z.output<typeof resourceRoleGrant>;

function resourceRoles<T extends z.core.$ZodType>(item: T) {
  return z.optional(
    z
      .array(item, { error: mustBe('a list') })
      .check(z.maxLength(MAX_RESOURCE_ROLES, `must have at most ${MAX_RESOURCE_ROLES} entries`)),
  );
}

function orgRoleShape<T extends z.core.$ZodType>(resource: T) {
  return {
    orgId,
    role: orgRole,
    applicationRoles: resourceRoles(resource),
    dashboardRoles: resourceRoles(resource),
  };
}

/** One `orgRoles[]` entry of a request (closed): the token's role in one organization. */
export const orgRoleGrant = closedObject(orgRoleShape(resourceRoleGrant));
/** One `orgRoles[]` entry. */
export type OrgRoleGrant = z.output<typeof orgRoleGrant>;

/** The `orgRoles` of a request: at most 25 closed entries. */
export const orgRoles = z
  .array(orgRoleGrant, { error: mustBe('a list') })
  .check(z.maxLength(MAX_ORG_ROLES, `must have at most ${MAX_ORG_ROLES} entries`));

/**
 * The `orgRoles` of a response. Entries are open (unknown keys kept), because responses
 * must survive fields the vendor adds later.
 */
export const orgRolesResponse = z
  .array(
    looseObject(orgRoleShape(looseObject(resourceRoleShape, { error: mustBe('an object') })), {
      error: mustBe('an object'),
    }),
    { error: mustBe('a list') },
  )
  .check(z.maxLength(MAX_ORG_ROLES, `must have at most ${MAX_ORG_ROLES} entries`));
