#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Cache compiled code between runs: most of a CLI's start-up is compiling its modules.
enableCompileCache?.();

// `tokenkit … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { createProgram, commanderExitCode } = await import('./program.js');
const program = createProgram();
const args = process.argv.slice(2);
try {
  if (args.length === 0) {
    program.outputHelp();
  } else {
    await program.parseAsync(args, { from: 'user' });
  }
} catch (error) {
  const code = commanderExitCode(error);
  if (code === undefined) throw error;
  process.exitCode = code;
}
