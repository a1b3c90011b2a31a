import { Transform, type TransformCallback } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

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
 * A streaming decoder for a response's `content-encoding`, as fetch decodes it (a single gzip,
 * deflate or br encoding), or `undefined` when the body is read as it is.
 */
export function bodyDecoder(encoding: string | string[] | undefined): Transform | undefined {
  return typeof encoding === 'string' ? decoders[encoding.trim().toLowerCase()]?.() : undefined;
}

/** What every transport asks for; the caller's own value wins. */
export const acceptEncoding = 'gzip, deflate, br';
