export * as instana from './instana.js';
export * as losant from './losant.js';
