import type * as z from 'zod/mini';
import { object } from '#object';
import { mustBe } from '../messages.js';
import { objectId } from './object-id.js';

// Plain (stripping) objects: callers validate their whole params bag, which also holds the
// query and body, and take only the ids from the result.
const params = <T extends z.core.$ZodLooseShape>(shape: T) =>
  object(shape, { error: mustBe('an object') });

/** `/instances/{instanceId}/tokens`. */
export const instanceTokensPath = params({ instanceId: objectId });
/** `/instances/{instanceId}/tokens/{apiTokenId}`. */
export const instanceTokenPath = params({ instanceId: objectId, apiTokenId: objectId });
/** `/applications/{applicationId}/tokens`. */
export const applicationTokensPath = params({ applicationId: objectId });
/** `/applications/{applicationId}/tokens/{apiTokenId}`. */
export const applicationTokenPath = params({ applicationId: objectId, apiTokenId: objectId });
/** `/me/tokens/{apiTokenId}`. */
export const userTokenPath = params({ apiTokenId: objectId });

/** The ids of `/instances/{instanceId}/tokens`. */
export type InstanceTokensPath = z.output<typeof instanceTokensPath>;
/** The ids of `/instances/{instanceId}/tokens/{apiTokenId}`. */
export type InstanceTokenPath = z.output<typeof instanceTokenPath>;
/** The ids of `/applications/{applicationId}/tokens`. */
export type ApplicationTokensPath = z.output<typeof applicationTokensPath>;
/** The ids of `/applications/{applicationId}/tokens/{apiTokenId}`. */
export type ApplicationTokenPath = z.output<typeof applicationTokenPath>;
/** The ids of `/me/tokens/{apiTokenId}`. */
export type UserTokenPath = z.output<typeof userTokenPath>;
