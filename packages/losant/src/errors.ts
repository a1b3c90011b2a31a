/**
 * Core's error classes and guards, re-exported so that callers import everything from
 * `@tokenkit/losant`. A Losant error body's `type` is on `vendorType`, its `message` on
 * `vendorMessage`.
 */
export * from '@tokenkit/core/errors';
