import type { InstanaToken } from '../vendors/instana/types.js';
import type { LosantOwner, LosantToken } from '../vendors/losant/types.js';
import { builtInPolicy } from './built-in-policy.js';
import { judgeTokens } from './judge.js';
import { auditInstanaToken, auditLosantToken } from './normalize.js';

/** A token just created, for the audit's rules. */
export type NewToken = { losant: LosantOwner; token: LosantToken } | { instana: InstanaToken };

/**
 * What `tokenkit audit` will say about a token just created, when it calls it over-broad:
 * worth knowing now, while it is one `delete` away. Uses the audit's own rules, so the two
 * never disagree.
 */
export async function auditWarnings(created: NewToken, now: Date): Promise<string[]> {
  const token =
    'losant' in created
      ? auditLosantToken({ vendor: 'losant', ...created.losant }, created.token)
      : auditInstanaToken(created.instana);
  const findings = judgeTokens(builtInPolicy, now, 0)({ owner: token.owner }, [token]);
  return findings
    .filter((finding) => finding.kind === 'over-broad')
    .map(
      (finding) =>
        `warning: \`tokenkit audit\` will report this token as ${finding.severity} (${finding.kind}): it ${finding.message}`,
    );
}
