import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { BodyCollector } from './body-limit.js';

/** Deflate as fetch reads it: zlib-wrapped or raw, told apart by the first bytes (RFC 1950 header). */
class AnyInflate extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#inner ??= this.#start(chunk);
    if (this.#inner.write(chunk)) done();
    else this.#inner.once('drain', done);
  }

  override _flush(done: TransformCallback): void {
    if (this.#inner === undefined) done();
    else this.#inner.once('end', done).end();
  }

  override _read(size: number): void {
    this.#inner?.resume();
    super._read(size);
  }

  #start(chunk: Buffer): Transform {
    const header =
      chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && chunk.readUInt16BE(0) % 31 === 0;
    const inner = header ? createInflate() : createInflateRaw();
    // The reader's pace: pause the inflater while what it pushed is not yet read.
    inner.on('data', (data: Buffer) => this.push(data) || inner.pause());
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }
}

const decoders: Readonly<Record<string, (() => Transform) | undefined>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: () => new AnyInflate(),
};

/**
 * A Node body stream as text, decoded as a stream as fetch would for a single gzip, deflate or br
 * `encoding`; any other is left as is. Reading stops at `collector`'s limit: the decoder and `body` are
 * destroyed, which closes the connection. For Node transports.
 */
export function readBodyText(
  body: Readable,
  encoding: string | undefined,
  collector: BodyCollector,
): Promise<string> {
  const decoder = encoding === undefined ? undefined : decoders[encoding.trim().toLowerCase()];
  const source: Readable = decoder ? pipeline(body, decoder(), () => undefined) : body;
  // Events, not `for await`: an async iterator per answer costs more than the rest of the read.
  return new Promise((resolve, reject) => {
    const stop = (error: unknown) => {
      // Nothing more is read from this socket, nor decoded.
      source.destroy();
      if (!body.readableEnded) body.destroy();
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      try {
        collector.push(chunk);
      } catch (error) {
        stop(error);
      }
    });
    source.once('end', () => resolve(collector.text()));
    source.once('error', stop);
    // Destroyed before its end (the caller's abort, a connection closed early): no answer.
    source.once('close', () => {
      if (!source.readableEnded) stop(new Error('The body ended before it was complete'));
    });
  });
}
