import { ResponseTooLargeError } from './errors.js';

/** What a {@link Transport} enforces on every answer it reads. */
export interface TransportLimits {
  /**
   * The most body bytes an answer may have, counted after decoding (gzip, deflate, br); the
   * byte past it ends the answer with a {@link ResponseTooLargeError}.
   */
  readonly maxResponseBytes: number;
}

/** The default `maxResponseBytes`: far above any token list page, far below what hurts. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/**
 * Collects an answer's decoded body, chunk by chunk, as text. `push` throws a
 * {@link ResponseTooLargeError} (without `request`: core adds it) as soon as the total passes the
 * limit, so the transport stops reading (and decoding) there and closes the connection.
 */
export class BodyCollector {
  readonly #decoder = new TextDecoder();
  readonly #limit: number;
  readonly #status: number;
  readonly #requestId: () => string | undefined;
  #text = '';
  #bytes = 0;

  /** `requestId` is read only when the limit is hit. */
  constructor(limits: TransportLimits, status: number, requestId: () => string | undefined) {
    this.#limit = limits.maxResponseBytes;
    this.#status = status;
    this.#requestId = requestId;
  }

  /** Adds a decoded chunk. @throws ResponseTooLargeError once the body passes the limit. */
  push(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    if (this.#bytes > this.#limit) {
      throw new ResponseTooLargeError(
        `The answer's body is larger than maxResponseBytes (${this.#limit} bytes)`,
        { maxResponseBytes: this.#limit, status: this.#status, requestId: this.#requestId() },
      );
    }
    this.#text += this.#decoder.decode(chunk, { stream: true });
  }

  /** The whole body as UTF-8 text. */
  text(): string {
    return this.#text + this.#decoder.decode();
  }
}
