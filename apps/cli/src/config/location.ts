import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where tokenkit's configuration lives: `$XDG_CONFIG_HOME/tokenkit/config.yaml`, else
 * `~/.config/tokenkit/config.yaml`. A relative `XDG_CONFIG_HOME` is ignored, as the XDG Base
 * Directory specification says (https://specifications.freedesktop.org/basedir-spec/latest/).
 */
export function configPath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME?.trim() || homedir(), '.config');
  return join(base, 'tokenkit', 'config.yaml');
}
