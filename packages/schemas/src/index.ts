// The root entry: both vendors as namespaces. The namespaces are built from the vendor
// folders, not from the subpath entries, so the built entries export only their own names.
export * as instana from './instana/index.js';
export * as losant from './losant/index.js';
