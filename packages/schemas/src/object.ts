// zod/mini's own objects, which check a value key by key: what browsers and other runtimes
// load for `#object` (package.json `imports`). Node loads `object-node.ts`, the same objects on
// zod's compiled parser; leaving that parser out keeps about 1.2 kB (gzip) out of every
// browser bundle, where a Content Security Policy often forbids the `new Function` it needs.
export { looseObject, object, strictObject } from 'zod/mini';
