/**
 * Starts the benchmark servers in a forked child process and talks to it over IPC.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./server-process.mjs', import.meta.url));

/**
 * @typedef {object} ServerHost
 * @property {() => Promise<string>} startFixed a fixed-response apiToken server; resolves its url
 * @property {(options: { total: number, perPages: number[] }) => Promise<string>} startPages
 *   a cached-page server for a list of `total` tokens; resolves its url
 * @property {() => Promise<{ connections: number, requests: number }>} stats
 *   connections opened and requests answered since the last call (then reset)
 * @property {() => Promise<void>} close
 */

/**
 * Forks the server process.
 * @returns {Promise<ServerHost>}
 */
export async function startServerHost() {
  const child = fork(SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  /** @type {Map<number, (msg: any) => void>} */
  const waiting = new Map();
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', resolve);
  });
  child.on('message', (msg) => {
    const done = waiting.get(msg.id);
    if (done) {
      waiting.delete(msg.id);
      done(msg);
    }
  });
  /** @param {object} msg */
  const call = (msg) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...msg, id });
    });
  return {
    startFixed: async () => (await call({ type: 'start', kind: 'fixed' })).url,
    startPages: async (options) => (await call({ type: 'start', kind: 'pages', options })).url,
    stats: async () => {
      const { connections, requests } = await call({ type: 'stats' });
      return { connections, requests };
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}
