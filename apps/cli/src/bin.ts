#!/usr/bin/env node
import module from 'node:module';
import { stdoutErrorsHeld } from './output/stdout-guard.js';

// Checked before anything else loads: on an older Node the first failure would be a cryptic
// import error from a dependency.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`tokenkit needs Node.js 22.12 or newer; this is ${process.version}.\n`);
  process.exit(1);
}

// NO_COLOR wins over FORCE_COLOR (see output/colors.ts). Node itself would warn that it
// ignores NO_COLOR when both are set; dropping FORCE_COLOR first keeps that warning away.
if (process.env.NO_COLOR) delete process.env.FORCE_COLOR;

// Cache compiled code between runs: most of a CLI's start-up is compiling its modules.
module.enableCompileCache?.();

// `tokenkit … | head` closes the pipe early: stop quietly instead of crashing on EPIPE, unless
// the write was a secret's delivery, which fails (and undoes a rotation) instead.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (stdoutErrorsHeld()) return;
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
