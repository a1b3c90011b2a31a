import module from 'node:module';

// The audit's thread (see off-thread.ts). As in bin.ts, compiled code is cached between runs
// before anything else loads: most of a thread's start-up is compiling its modules.
module.enableCompileCache?.();

await (await import('./worker-run.js')).runAuditWorker();
