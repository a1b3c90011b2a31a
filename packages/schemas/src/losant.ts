// The `@tokenkit/schemas/losant` entry.
export * from './losant/index.js';
