export type {
  InstanaApiToken,
  InstanaTokenSeed,
  LosantApiToken,
  LosantApplication,
  LosantApplicationSeed,
  LosantCreatedApiToken,
  LosantOrgRole,
  LosantOwner,
  LosantTokenSeed,
} from './models.js';
export { startMockServer } from './start-mock-server.js';
export type {
  AddApplicationsOptions,
  DropOptions,
  FailOptions,
  FaultKind,
  Faults,
  FaultTarget,
  HtmlErrorOptions,
  MockServer,
  MockServerOptions,
  MockStore,
  RequestLogEntry,
  SeededInstana,
  SeededLosant,
} from './types.js';
export { VERSION } from './version.js';
