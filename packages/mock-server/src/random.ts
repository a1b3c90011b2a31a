import { createHash, randomBytes } from 'node:crypto';

/** Where ids and secrets come from: crypto randomness, or a deterministic stream from a seed. */
export interface RandomSource {
  bytes(count: number): Buffer;
  /** Hex string of `count` random bytes. */
  hex(count: number): string;
}

/**
 * Creates the server's random source. With a seed, bytes come from SHA-256 in counter mode over
 * the seed, so a seeded server hands out the same ids and tokens run after run.
 */
export function createRandom(seed?: number | string): RandomSource {
  let bytes: (count: number) => Buffer;
  if (seed === undefined) {
    bytes = (count) => randomBytes(count);
  } else {
    let block = 0;
    let pool = Buffer.alloc(0);
    bytes = (count) => {
      while (pool.length < count) {
        const next = createHash('sha256')
          .update(`${String(seed)}:${block++}`)
          .digest();
        pool = Buffer.concat([pool, next]);
      }
      const out = pool.subarray(0, count);
      pool = pool.subarray(count);
      return Buffer.from(out);
    };
  }
  return { bytes, hex: (count) => bytes(count).toString('hex') };
}

/**
 * A new Mongo-style ObjectId (24 hex characters): 4 bytes of seconds since the epoch, then random
 * bytes, so ids sort roughly by creation time as Losant's do.
 */
export function newObjectId(random: RandomSource, nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + random.hex(8);
}
