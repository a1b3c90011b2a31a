import {
  type InstanaCredentials,
  idList,
  instanaCredentials,
  type LosantCredentials,
  losantCredentials,
} from '../credentials.js';
import { authError, usageError } from '../errors.js';
import type { LosantOwner } from '../losant/types.js';

/** Which vendors and owners one audit covers. */
export interface AuditPlan {
  losant?: { credentials: LosantCredentials; owners: LosantOwner[] };
  instana?: { credentials: InstanaCredentials };
}

/** The owner options of `tokenkit audit`. */
export interface AuditScopeOptions {
  instance?: string[] | undefined;
  application?: string[] | undefined;
}

/**
 * Every configured vendor and owner: Losant user tokens whenever `LOSANT_ACCESS_TOKEN` is set,
 * plus the instances and applications named by flags (or else by `LOSANT_INSTANCE_ID` /
 * `LOSANT_APPLICATION_ID`, comma-separated); Instana whenever `INSTANA_API_TOKEN` is set.
 */
export function auditPlan(env: NodeJS.ProcessEnv, options: AuditScopeOptions): AuditPlan {
  const plan: AuditPlan = {};
  const instances = options.instance?.length
    ? options.instance.flatMap((id) => idList(id))
    : idList(env.LOSANT_INSTANCE_ID);
  const applications = options.application?.length
    ? options.application.flatMap((id) => idList(id))
    : idList(env.LOSANT_APPLICATION_ID);

  if (env.LOSANT_ACCESS_TOKEN?.trim()) {
    plan.losant = {
      credentials: losantCredentials(env),
      owners: [
        { kind: 'user' },
        ...instances.map((id) => ({ kind: 'instance' as const, id })),
        ...applications.map((id) => ({ kind: 'application' as const, id })),
      ],
    };
  } else if (options.instance?.length || options.application?.length) {
    throw usageError('--instance and --application need LOSANT_ACCESS_TOKEN');
  }
  if (env.INSTANA_API_TOKEN?.trim()) plan.instana = { credentials: instanaCredentials(env) };

  if (!plan.losant && !plan.instana) {
    throw authError(
      'nothing to audit: no vendor is configured',
      'set LOSANT_ACCESS_TOKEN and/or INSTANA_API_TOKEN with INSTANA_BASE_URL',
    );
  }
  return plan;
}
