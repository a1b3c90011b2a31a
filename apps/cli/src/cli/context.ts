import type { Command } from 'commander';
import { applyProfile, type CredentialSetup } from '../credentials.js';
import type { HttpSettings } from '../http/client-options.js';
import { describeError, type ErrorContext, type Vendor } from '../output/describe-error.js';
import { Output } from '../output/output.js';
import { sanitize } from '../output/sanitize.js';
import type { TokenInput } from '../stdin.js';
import { embeddingOf } from './embedding.js';
import { timeoutOption } from './timeout.js';

/** What every action gets: where to print, the environment, stdin, the clock and HTTP settings. */
export interface CommandContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  stdin: TokenInput & NodeJS.ReadableStream;
  now: () => Date;
  http: HttpSettings;
  /** The profile in use and where each credential came from (`env` has them applied). */
  credentials: Omit<CredentialSetup, 'env'>;
}

/** How a command wants its credentials set up. */
export interface CredentialNeeds {
  /** Whose credentials: one vendor's, or (`undefined`) both. */
  vendor: Vendor | undefined;
  /** Report a failed `credentialCommand` per vendor (`auth status`) instead of stopping. */
  keepFailures?: boolean;
}

/** The global options, as commander parsed them. */
interface GlobalOptions {
  json?: boolean | string;
  color?: boolean;
  verbose?: boolean;
  timeout?: string;
  profile?: string;
  tokenStdin?: boolean;
}

/**
 * The context for the command commander is running, from its own and the global options, and
 * the process (or the run that embeds the program, see `embedding.ts`).
 */
async function contextFor(command: Command, needs: CredentialNeeds): Promise<CommandContext> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const embedding = embeddingOf(command);
  const vendors = needs.vendor ? [needs.vendor] : (['losant', 'instana'] as const);
  const { env, ...credentials } = await applyProfile(
    embedding?.env ?? process.env,
    options.profile,
    vendors,
    Boolean(options.tokenStdin),
  );
  const failure = Object.values(credentials.failures)[0];
  if (failure && !needs.keepFailures) throw failure;
  const debug = (env.TOKENKIT_DEBUG ?? '').split(',');
  const outputOptions = {
    json: options.json !== undefined && options.json !== false,
    color: options.color,
    env,
  };
  return {
    output: new Output(outputOptions, embedding?.streams ?? process),
    env,
    stdin: process.stdin,
    now: embedding?.now ?? (() => new Date()),
    credentials,
    http: {
      timeoutMs: options.timeout === undefined ? undefined : timeoutOption(options.timeout),
      verbose: Boolean(options.verbose) || debug.includes('api'),
    },
  };
}

/** Prints an error as one line on stderr and returns the exit code it maps to. */
function reportError(output: Output, error: unknown, context: ErrorContext): number {
  const report = describeError(error, context);
  const c = output.errorColor;
  // Vendor messages are server text: never let them move the cursor or recolour the terminal.
  const hint = report.hint ? ` ${c.dim('—')} ${sanitize(report.hint)}` : '';
  output.note(`${c.red(c.bold('error:'))} ${sanitize(report.message)}${hint}`);
  if (process.env.TOKENKIT_DEBUG && error instanceof Error && error.stack) {
    // One line at a time: sanitised whole, the stack's own line breaks would show as `\n`.
    for (const line of error.stack.split('\n')) output.note(c.dim(sanitize(line)));
  }
  return report.exitCode;
}

/**
 * Runs an action body with the command's context, turning whatever it throws into one line on
 * stderr and the documented exit code.
 */
export async function runAction(
  command: Command,
  needs: CredentialNeeds,
  body: (context: CommandContext) => Promise<number | undefined>,
): Promise<void> {
  const { vendor } = needs;
  const tokenFromStdin = Boolean(command.opts<{ tokenStdin?: boolean }>().tokenStdin);
  let output: Output | undefined;
  try {
    const context = await contextFor(command, needs);
    output = context.output;
    process.exitCode = (await body(context)) ?? 0;
  } catch (error) {
    output ??= new Output({ json: false, env: process.env });
    process.exitCode = reportError(output, error, { vendor, tokenFromStdin });
  }
}
