import * as z from 'zod/mini';
import { mustBe } from '../messages.js';

const OBJECT_ID = /^[A-Fa-f\d]{24}$/;
const OBJECT_ID_MESSAGE = 'must be a 24-character hexadecimal id';

/** A Losant (MongoDB) ObjectId: 24 hexadecimal characters, either case. */
export const objectId = z
  .string({ error: mustBe('a 24-character hexadecimal id') })
  .check(z.regex(OBJECT_ID, OBJECT_ID_MESSAGE));

/** An `orgRoles[].orgId`: an organization's ObjectId, or the literal `'sandbox'`. */
export const orgId = z
  .string({ error: mustBe("a 24-character hexadecimal id or 'sandbox'") })
  .check(
    z.regex(/^(?:[A-Fa-f\d]{24}|sandbox)$/, "must be a 24-character hexadecimal id or 'sandbox'"),
  );
