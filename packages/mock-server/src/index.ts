export { startMockServer } from './start-mock-server.js';
export type {
  DropOptions,
  FailOptions,
  FaultKind,
  Faults,
  FaultTarget,
  HtmlErrorOptions,
  InstanaApiToken,
  InstanaCredentials,
  InstanaTokenSeed,
  LosantApiToken,
  LosantCreatedApiToken,
  LosantCredentials,
  LosantOrgRole,
  LosantOwner,
  LosantTokenSeed,
  MockServer,
  MockServerOptions,
  MockStore,
  RequestLogEntry,
} from './types.js';
export { VERSION } from './version.js';
