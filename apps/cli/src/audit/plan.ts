import {
  type InstanaCredentials,
  idList,
  instanaCredentials,
  type LosantCredentials,
  losantCredentials,
} from '../credentials.js';
import { authError, usageError } from '../errors.js';
import type { LosantOwner } from '../vendors/losant/types.js';

/** Which vendors and owners one audit covers. */
export interface AuditPlan {
  losant?: {
    credentials: LosantCredentials;
    /** The owners named by flags or variables, each once, after your own user tokens. */
    owners: LosantOwner[];
    /** Set with `--all-applications`: list the applications (of one organization with `--org`). */
    discover?: { orgId?: string };
  };
  instana?: { credentials: InstanaCredentials };
}

/** The owner options of `tokenkit audit`. */
export interface AuditScopeOptions {
  instance?: string[] | undefined;
  application?: string[] | undefined;
  allApplications?: boolean | undefined;
  org?: string | undefined;
}

const objectIdPattern = /^[A-Fa-f\d]{24}$/;

/** The ids given by a repeatable flag or else by a variable, checked and each kept once. */
function ownerIds(
  flag: string,
  values: string[] | undefined,
  variable: string,
  env: NodeJS.ProcessEnv,
) {
  const fromFlag = Boolean(values?.length);
  const ids = fromFlag ? (values ?? []).flatMap((id) => idList(id)) : idList(env[variable]);
  for (const id of ids) {
    if (!objectIdPattern.test(id)) {
      throw usageError(
        `${fromFlag ? flag : variable} "${id}" is not a Losant id`,
        'ids are 24 hexadecimal characters, as in the Losant URL of the resource',
      );
    }
  }
  return [...new Map(ids.map((id) => [id.toLowerCase(), id])).values()];
}

/** A credential variable that is set but blank is a broken CI secret, never "not configured". */
function refuseBlank(env: NodeJS.ProcessEnv, variable: string): void {
  const value = env[variable];
  if (value !== undefined && value.trim() === '') {
    throw usageError(
      `${variable} is set but empty`,
      `a CI secret this job cannot read expands to nothing; set ${variable} or unset it`,
    );
  }
}

function discovery(options: AuditScopeOptions): { orgId?: string } | undefined {
  if (options.org !== undefined) {
    if (!options.allApplications) throw usageError('--org needs --all-applications');
    if (!objectIdPattern.test(options.org)) {
      throw usageError(`--org "${options.org}" is not a Losant organization id`);
    }
    return { orgId: options.org };
  }
  return options.allApplications ? {} : undefined;
}

/**
 * Every configured vendor and owner: Losant user tokens whenever `LOSANT_ACCESS_TOKEN` is set,
 * plus the instances and applications named by flags (or else by `LOSANT_INSTANCE_ID` /
 * `LOSANT_APPLICATION_ID`, comma-separated), plus every application with `--all-applications`;
 * Instana whenever `INSTANA_API_TOKEN` is set. Everything is checked before any request.
 */
export function auditPlan(env: NodeJS.ProcessEnv, options: AuditScopeOptions): AuditPlan {
  refuseBlank(env, 'LOSANT_ACCESS_TOKEN');
  refuseBlank(env, 'INSTANA_API_TOKEN');
  const instances = ownerIds('--instance', options.instance, 'LOSANT_INSTANCE_ID', env);
  const applications = ownerIds('--application', options.application, 'LOSANT_APPLICATION_ID', env);
  const discover = discovery(options);
  const plan: AuditPlan = {};
  if (env.LOSANT_ACCESS_TOKEN) {
    plan.losant = {
      credentials: losantCredentials(env),
      owners: [
        { kind: 'user' },
        ...instances.map((id) => ({ kind: 'instance' as const, id })),
        ...applications.map((id) => ({ kind: 'application' as const, id })),
      ],
      ...(discover ? { discover } : {}),
    };
  } else if (options.instance?.length || options.application?.length || discover) {
    throw usageError('--instance, --application and --all-applications need LOSANT_ACCESS_TOKEN');
  }
  if (env.INSTANA_API_TOKEN) plan.instana = { credentials: instanaCredentials(env) };

  if (!plan.losant && !plan.instana) {
    throw authError(
      'nothing to audit: no vendor is configured',
      'set LOSANT_ACCESS_TOKEN and/or INSTANA_API_TOKEN with INSTANA_BASE_URL',
    );
  }
  return plan;
}
