import { type OwnerFacts, type OwnerRules, rulesFor } from './owner-rules.js';
import type { AuditPolicy } from './policy.js';
import { tokenFindings } from './rules.js';
import type { AuditToken, Finding } from './types.js';

/**
 * The walk's judge: the findings for a page of one owner's tokens under `policy`, with each
 * owner's rules (overrides merged) worked out once.
 */
export function judgeTokens(
  policy: AuditPolicy,
  now: Date,
  expiringWithinMs: number,
): (facts: OwnerFacts, tokens: readonly AuditToken[]) => Finding[] {
  const rules = new WeakMap<OwnerFacts, OwnerRules>();
  return (facts, tokens) => {
    let owned = rules.get(facts);
    if (!owned) {
      owned = rulesFor(policy, facts);
      rules.set(facts, owned);
    }
    const context = { now, expiringWithinMs, rules: owned };
    const findings: Finding[] = [];
    for (const token of tokens)
      for (const finding of tokenFindings(token, context)) findings.push(finding);
    return findings;
  };
}
