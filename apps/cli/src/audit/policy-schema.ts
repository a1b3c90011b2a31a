import * as z from 'zod';
import { builtInPolicy } from './built-in-policy.js';
import { severities } from './severity.js';

// Classic zod (its messages, JSON Schema output) loads only for `--policy` and `--init-policy`:
// an audit with the built-in rules never reads this module.

/** A rule's severity, or `off` to turn the rule off. */
const ruleSeverity = z
  .enum([...severities, 'off'])
  .describe('How bad a finding of this rule is; `off` turns the rule off');

const globs = (what: string) =>
  z
    .array(z.string().min(1, 'must not be empty'))
    .describe(`${what}; globs: \`*\` matches any run of characters, \`?\` one character`);

const days = z.number().int('must be a whole number of days').positive('must be at least 1');

const builtIn = builtInPolicy.severity;

/** The severity of each rule; the defaults are the built-in rules. */
const severitySettings = z
  .strictObject({
    expired: ruleSeverity.default(builtIn.expired).describe('Expired but still active'),
    expiredInactive: ruleSeverity
      .default(builtIn.expiredInactive)
      .describe('Expired and inactive: a leftover'),
    expiringSoon: ruleSeverity.default(builtIn.expiringSoon).describe('Expires within 7 days'),
    expiring: ruleSeverity.default(builtIn.expiring).describe('Expires within --expiring-within'),
    inactive: ruleSeverity.default(builtIn.inactive).describe('Inactive (and not expired)'),
    neverExpiring: ruleSeverity
      .default(builtIn.neverExpiring)
      .describe('Active, never expires, while expiryRequired is true'),
    overBroad: ruleSeverity
      .default(builtIn.overBroad)
      .describe('Holds a forbidden scope or permission'),
    overBroadNeverExpiring: ruleSeverity
      .default(builtIn.overBroadNeverExpiring)
      .describe('Holds a forbidden scope or permission and never expires'),
    tooLongLived: ruleSeverity
      .default(builtIn.tooLongLived)
      .describe('Lives (creation to expiry) longer than maxLifetimeDays'),
  })
  .describe('The severity of each rule');

/** The rules one owner's tokens are judged by; every field optional in an override. */
const ruleFields = {
  maxLifetimeDays: days
    .nullable()
    .describe('Longest allowed lifetime (expiry minus creation) in days; null: no limit'),
  expiryRequired: z.boolean().describe('Whether a token that never expires is a finding'),
  forbiddenLosantScopes: globs('Losant scopes that make a token over-broad, e.g. all.*'),
  forbiddenInstanaPermissions: globs(
    'Instana permissions that make a token over-broad, e.g. canConfigure*',
  ),
};

const objectId = z
  .string()
  .regex(/^[A-Fa-f\d]{24}$/, 'must be a Losant id: 24 hexadecimal characters');

/** Which owners an override applies to: every condition given must hold. */
const ownerMatch = z
  .strictObject({
    applicationId: objectId.optional().describe('This Losant application'),
    applicationName: z
      .string()
      .min(1)
      .optional()
      .describe('Losant applications whose name matches this glob'),
    organization: z
      .string()
      .min(1)
      .optional()
      .describe('Losant applications of this organization (its id or its name)'),
  })
  .refine((match) => Object.keys(match).length > 0, {
    message: 'give applicationId, applicationName or organization',
  });

const override = z
  .strictObject({
    match: ownerMatch,
    maxLifetimeDays: ruleFields.maxLifetimeDays.optional(),
    expiryRequired: ruleFields.expiryRequired.optional(),
    forbiddenLosantScopes: ruleFields.forbiddenLosantScopes.optional(),
    forbiddenInstanaPermissions: ruleFields.forbiddenInstanaPermissions.optional(),
    severity: severitySettings.partial().optional(),
  })
  .describe('Different rules for some owners; later overrides win over earlier ones');

/**
 * An audit policy file (`tokenkit audit --policy FILE`). Every field has the built-in rule as
 * its default, so `{}` is today's audit.
 */
export const auditPolicySchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors'),
    maxLifetimeDays: ruleFields.maxLifetimeDays.default(builtInPolicy.maxLifetimeDays),
    expiryRequired: ruleFields.expiryRequired.default(builtInPolicy.expiryRequired),
    forbiddenLosantScopes: ruleFields.forbiddenLosantScopes.default(() => [
      ...builtInPolicy.forbiddenLosantScopes,
    ]),
    forbiddenInstanaPermissions: ruleFields.forbiddenInstanaPermissions.default(() => [
      ...builtInPolicy.forbiddenInstanaPermissions,
    ]),
    severity: severitySettings.default(() => ({ ...builtInPolicy.severity })),
    overrides: z.array(override).default(() => []),
  })
  .describe('tokenkit audit policy');

/** A policy with every default filled in. */
export type ParsedPolicy = z.output<typeof auditPolicySchema>;

/** A rule's severity setting: a severity, or `off`. */
export type RuleSeverityOutput = z.output<typeof ruleSeverity>;

/** The JSON Schema of a policy file, generated from {@link auditPolicySchema}. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(auditPolicySchema, { io: 'input' }) as Record<string, unknown>;
}
