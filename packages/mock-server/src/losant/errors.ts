import { json, type Reply } from '../reply.js';

/**
 * A Losant error answer: `{ type, message }`, the body Losant's open-source API framework writes
 * for every error (`Losant/bravado-server` `lib/route.js`) and `losant-rest`'s `error` schema.
 */
export function losantError(status: number, type: string, message: string): Reply {
  return json(status, { type, message });
}

/**
 * 403 "Access is forbidden": no token at all, or a token without an accepted scope
 * (`Losant/bravado-core` `lib/errors.js` and `lib/authorize.js`).
 */
export function forbidden(): Reply {
  return losantError(403, 'Forbidden', 'Access is forbidden');
}

/** 401 with bravado-core's messages ("Invalid access token", "Access token has expired"). */
export function unauthorized(message: string): Reply {
  return losantError(401, 'Unauthorized', message);
}

/** 404 "<Thing> was not found" (bravado-core's `NotFound`; `losant-rest` shows "Application was not found"). */
export function notFound(thing: string): Reply {
  return losantError(404, 'NotFound', `${thing} was not found`);
}

/** 400 "<field> <problem>" for the first failing check (bravado-core's `Validation`). */
export function validationError(field: string, problem: string): Reply {
  return losantError(400, 'Validation', `${field} ${problem}`);
}
