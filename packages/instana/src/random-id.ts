import { TokenkitError } from '@tokenkit/core';

// RFC 4648 "base32hex", lowercased: its alphabet sorts in the same order as the bytes it
// encodes, which is what makes xids (and ours) time-sortable as plain strings.
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** Bytes of randomness in an `accessGrantingToken`: 160 bits, 32 characters. */
const TOKEN_BYTES = 20;

/** Bytes of randomness after the 4-byte timestamp in an `internalId`. */
const ID_RANDOM_BYTES = 8;

function randomBytes(length: number): Uint8Array {
  const crypto = globalThis.crypto;
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new TokenkitError(
      'This runtime has no Web Crypto (globalThis.crypto.getRandomValues); write the token body with your own internalId and accessGrantingToken',
    );
  }
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Encodes bytes as unpadded lowercase base32hex. */
export function base32hex(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += BASE32HEX[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) output += BASE32HEX[(buffer << (5 - bits)) & 31];
  return output;
}

/**
 * A 20-character lowercase base32hex id shaped like an xid (what Instana's Terraform provider
 * sends): 4 bytes of Unix seconds, big-endian, then 8 random bytes. Ids sort by creation time.
 */
export function randomInternalId(now: number = Date.now()): string {
  const bytes = new Uint8Array(4 + ID_RANDOM_BYTES);
  new DataView(bytes.buffer).setUint32(0, Math.floor(now / 1000) >>> 0);
  bytes.set(randomBytes(ID_RANDOM_BYTES), 4);
  return base32hex(bytes);
}

/** A 32-character lowercase base32hex secret carrying 160 bits of Web Crypto randomness. */
export function randomAccessGrantingToken(): string {
  return base32hex(randomBytes(TOKEN_BYTES));
}
