import type { Command } from 'commander';
import type { Vendor } from '../output/describe-error.js';
import type { CommandContext, CredentialNeeds } from './context.js';

/**
 * Runs a command's action: loads the context and output machinery (and, inside `body`, the
 * implementation and vendor packages) only now, so `tokenkit --help` loads none of it.
 */
export async function execute(
  command: Command,
  vendor: Vendor | undefined,
  body: (context: CommandContext) => Promise<number | undefined>,
  credentials: Omit<CredentialNeeds, 'vendor'> = {},
): Promise<void> {
  const { runAction } = await import('./context.js');
  await runAction(command, { vendor, ...credentials }, body);
}
