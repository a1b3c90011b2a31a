// The `@tokenkit/schemas/instana` entry.
export * from './instana/index.js';
