import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A port on 127.0.0.1 with nothing listening: it was free a moment ago, so connecting to it is
 * refused (useful for "server down" tests, or to start a server on a known port later).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
