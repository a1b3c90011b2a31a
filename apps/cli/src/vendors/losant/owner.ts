import { usageError } from '../../errors.js';
import type { LosantOwner } from './types.js';

/** Whose Losant tokens: `id` is absent for `user`. */
export interface LosantOwnerJson {
  kind: 'instance' | 'application' | 'user';
  id?: string;
}

/** The owner options every `losant tokens` command takes. */
export interface OwnerOptions {
  instance?: string | undefined;
  application?: string | undefined;
  user?: boolean | undefined;
}

/** Exactly one of `--instance`, `--application` and `--user`, or a usage error. */
export function resolveOwner(options: OwnerOptions): LosantOwner {
  const chosen: LosantOwner[] = [];
  if (options.instance !== undefined) chosen.push({ kind: 'instance', id: options.instance });
  if (options.application !== undefined)
    chosen.push({ kind: 'application', id: options.application });
  if (options.user) chosen.push({ kind: 'user' });
  const [owner] = chosen;
  if (chosen.length !== 1 || !owner) {
    throw usageError(
      chosen.length === 0
        ? 'say whose tokens: --instance ID, --application ID or --user'
        : 'give only one of --instance, --application and --user',
    );
  }
  return owner;
}

/** "application 5f0c…", "instance 5f0c…" or "user": for sentences. */
export function describeOwner(owner: LosantOwner): string {
  return owner.kind === 'user' ? 'your user' : `${owner.kind} ${owner.id}`;
}

/** The flag that names the owner on a command line: `--application 5f0c…`, `--user`. */
export function ownerFlag(owner: LosantOwner): string {
  return owner.kind === 'user' ? '--user' : `--${owner.kind} ${owner.id}`;
}

/** The owner as it appears in `--json` output. */
export function ownerJson(owner: LosantOwner): LosantOwnerJson {
  return owner.kind === 'user' ? { kind: 'user' } : { kind: owner.kind, id: owner.id };
}

/** The owner as `losantTokenStore` takes it. */
export function storeOwner(
  owner: LosantOwner,
): { instanceId: string } | { applicationId: string } | { user: true } {
  if (owner.kind === 'user') return { user: true };
  return owner.kind === 'instance' ? { instanceId: owner.id } : { applicationId: owner.id };
}
