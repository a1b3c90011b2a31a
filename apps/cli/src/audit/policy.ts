import type { ParsedPolicy, RuleSeverityOutput } from './policy-schema.js';

/** A policy with every default filled in. */
export type AuditPolicy = ParsedPolicy;

/** One override of a policy. */
export type PolicyOverride = AuditPolicy['overrides'][number];

/** A rule's severity setting: a severity, or `off`. */
export type RuleSeverity = RuleSeverityOutput;
