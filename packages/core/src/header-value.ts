// What fetch can put on the wire: tab, visible ASCII, space and Latin-1 (one byte each). A C0
// control or DEL is refused by fetch and `node:http` as a TypeError (or sent as-is by other runtimes), and a
// code point above U+00FF cannot be encoded as a byte at all.
const sendable = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Whether `value` holds only the characters a header value may carry (`\t`, `\x20-\x7e`, `\x80-\xff`). */
export function isSendableHeaderValue(value: string): boolean {
  return sendable.test(value);
}
