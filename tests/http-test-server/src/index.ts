/**
 * `@tokenkit/http-test-server`: one recording node:http server on 127.0.0.1 shared by the
 * packages' own tests, plus the small helpers that go with it.
 */
export { freePort } from './free-port.js';
export {
  type Handler,
  type RecordedRequest,
  type RecordingServer,
  type RecordingServerOptions,
  type Responder,
  startHandlerServer,
  startRecordingServer,
} from './recording-server.js';
export { json, type Reply, sendReply } from './reply.js';
export {
  type Exchange,
  type Rewrite,
  type RewritingProxy,
  startRewritingProxy,
} from './rewriting-proxy.js';
export { until } from './until.js';
