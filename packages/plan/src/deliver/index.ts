/**
 * `@tokenkit/plan/deliver`: handing a new secret over, to a 0600 file or a command's stdin.
 * Node built-ins only, so the CLI's rotate loads it without the vendor clients.
 */
export {
  type CommandEnvironmentOptions,
  commandEnvironment,
  credentialVariables,
} from './environment.js';
export { DeliveryError, interrupted, type SecretFileProblem } from './errors.js';
export { type CommandOptions, pipeSecretTo } from './secret-command.js';
export { prepareSecretFile, type SecretFileOptions, writeSecretFile } from './secret-file.js';
