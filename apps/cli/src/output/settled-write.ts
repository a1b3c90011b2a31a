import { fstatSync, fsyncSync } from 'node:fs';
import { holdStdoutErrors } from './stdout-guard.js';
import type { Streams } from './streams.js';

/**
 * Writes `text` and resolves once the stream has taken it; rejects with the write's own error
 * (EPIPE from a reader that is gone, ENOSPC from `> /dev/full`). When the stream is a regular
 * file, the text is also flushed to disk, so a full disk is found now and not at close.
 * After a failure stdout's errors stay held: it is broken, and the failed delivery says so.
 */
export async function settledWrite(stream: Streams['stdout'], text: string): Promise<void> {
  const release = holdStdoutErrors();
  await new Promise<void>((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
  if (stream.fd !== undefined && fstatSync(stream.fd).isFile()) fsyncSync(stream.fd);
  release();
}
