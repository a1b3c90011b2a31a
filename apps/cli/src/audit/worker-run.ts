import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { CommandContext } from '../cli/context.js';
import { describeError } from '../output/describe-error.js';
import { Output, type Streams } from '../output/output.js';
import type { AuditWorkerData, AuditWorkerMessage, TerminalColumns } from './off-thread.js';
import { audit } from './run.js';

/**
 * Runs the audit on this thread (a Worker started by `auditOffThread`) with the command's
 * context, rebuilt from `workerData`, and posts how it ended.
 */
export async function runAuditWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runAuditWorker runs in the Worker that auditOffThread starts');
  const data = workerData as AuditWorkerData;
  const post = (message: AuditWorkerMessage) => port.postMessage(message);
  // Strings, copied into the command's thread, which writes them in order and drops them at
  // its next scavenge. (Transferred bytes stayed out of its heap until an external-memory GC:
  // 10–20 MiB more at the peak of a 60,000-token audit.)
  const sender = (stream: 'stdout' | 'stderr') => (text: string) =>
    post({ kind: 'write', stream, text });
  const toStdout = sender('stdout');
  const streams: Streams = {
    stdout: {
      ...data.stdout,
      // An audit delivers no secret: nothing waits on `done` for more than ordering.
      write: (text, done) => {
        toStdout(text);
        done?.();
      },
    },
    stderr: { ...data.stderr, write: sender('stderr') },
  };
  port.on('message', (columns: TerminalColumns) => {
    streams.stdout.columns = columns.stdout;
    streams.stderr.columns = columns.stderr;
  });
  // Listening must not keep the thread alive once the audit is done.
  port.unref();
  const context: CommandContext = {
    output: new Output({ json: data.json, color: data.color, env: data.env }, streams),
    env: data.env,
    stdin: Readable.from([]),
    now: () => new Date(),
    http: data.http,
    credentials: data.credentials,
  };
  try {
    post({ kind: 'done', exitCode: await audit(context, data.options, data.format) });
  } catch (error) {
    const { message, hint, exitCode } = describeError(error);
    const stack = error instanceof Error ? error.stack : undefined;
    post({ kind: 'failed', message, hint, exitCode, ...(stack === undefined ? {} : { stack }) });
  }
}
