import { closest } from '@tokenkit/schemas/losant';
import { parseDuration } from '../duration.js';
import { usageError } from '../errors.js';
import { configPath } from './location.js';
import { readConfig } from './read-config.js';
import type { Profile } from './schema.js';

/** The profile a run uses, with what it needs to fetch credentials. */
export interface SelectedProfile {
  name: string;
  profile: Profile;
  /** The file it came from. */
  file: string;
  /** How long a `credentialCommand` may run, in milliseconds. */
  commandTimeoutMs: number;
}

/** @default 30 seconds */
const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

/**
 * The profile `--profile` (or else `TOKENKIT_PROFILE`) names, read from the config file;
 * `undefined` when neither names one. An unknown name is a usage error naming it, with the
 * closest known name or the ones there are.
 */
export async function selectProfile(
  env: NodeJS.ProcessEnv,
  flag: string | undefined,
): Promise<SelectedProfile | undefined> {
  const name = flag?.trim() || env.TOKENKIT_PROFILE?.trim();
  if (!name) return undefined;
  const by = flag?.trim() ? '--profile' : 'TOKENKIT_PROFILE';
  const file = configPath(env);
  const config = await readConfig(file);
  if (!config) {
    throw usageError(`${by} names profile "${name}", but ${file} does not exist`);
  }
  const profile = config.profiles[name];
  if (!profile) {
    const names = Object.keys(config.profiles);
    const suggestion = closest(name, names);
    throw usageError(
      `unknown profile "${name}" (${by}): ${file} has no such profile`,
      suggestion ? `did you mean ${suggestion}?` : `its profiles: ${names.join(', ') || 'none'}`,
    );
  }
  const timeout = config.credentialCommandTimeout;
  const commandTimeoutMs =
    timeout === undefined ? DEFAULT_COMMAND_TIMEOUT_MS : parseDuration(timeout);
  if (commandTimeoutMs === undefined || commandTimeoutMs === 0) {
    throw usageError(`${file}: credentialCommandTimeout must be a duration such as 30s or 2m`);
  }
  return { name, profile, file, commandTimeoutMs };
}
