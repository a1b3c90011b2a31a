/**
 * CPU profiles, used to name the cause when a goal is missed: where the self time goes,
 * by package and by function. Profiles are taken in a child process with `node --cpu-prof`
 * (an in-process inspector session would profile its own serialisation), and only the
 * samples inside the window the child reports are kept, so start-up does not blur them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The current time on the profiler's clock (µs, monotonic), for a child to mark its window.
 * @returns {string}
 */
export function profilerNow() {
  return String(process.hrtime.bigint() / 1000n);
}

/**
 * Runs `node [nodeFlags] script [args]` with the sampling profiler on.
 * The child's last stdout line must be JSON; if it has `window: { start, end }` (from
 * `profilerNow()`), only samples inside that window are kept.
 * @param {string} script
 * @param {string[]} args
 * @param {{ nodeFlags?: string[], cwd?: string }} [options]
 * @returns {Promise<{ output: any, profile: Breakdown & { scripts: number } }>}
 */
export async function profileChild(script, args, { nodeFlags = [], cwd } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenkit-bench-prof-'));
  try {
    const { stdout } = await run(
      process.execPath,
      [
        ...nodeFlags,
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--cpu-prof-interval',
        '100',
        script,
        ...args,
      ],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
    );
    const last = stdout.trim().split('\n').at(-1);
    const output = last?.startsWith('{') ? JSON.parse(last) : undefined;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const cpuprofile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const window = output?.window && {
      start: Number(output.window.start),
      end: Number(output.window.end),
    };
    // Distinct non-builtin scripts that ran at least once in a sample: a floor on modules loaded.
    const scripts = new Set(
      cpuprofile.nodes.map((n) => n.callFrame.url).filter((u) => u && !u.startsWith('node:')),
    ).size;
    return { output, profile: { ...breakdown(cpuprofile, window), scripts } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Which package or part of the runtime a stack frame belongs to.
 * @param {{ url: string, functionName: string }} frame
 */
export function classifyFrame({ url, functionName }) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    // The socket write syscall; on loopback the kernel does both ends' TCP work inside it.
    if (/^write(Latin1|Utf8|Ascii|Ucs2)String$|^writev?Buffer$/.test(functionName)) {
      return 'socket write (syscall, loopback TCP)';
    }
    if (functionName === '(program)') return 'V8/native (program)';
    return `native ${functionName || '(anonymous)'}`;
  }
  const pnpm = url.match(/node_modules\/\.pnpm\/(@[^/]+\+[^@/]+|[^@/]+)@/);
  if (pnpm) return pnpm[1].replace('+', '/');
  const ours = url.match(/\/(packages|apps)\/([^/]+)\//);
  if (ours) return `@tokenkit/${ours[2]}`;
  if (url.includes('node:internal/deps/undici')) return 'undici (Node fetch)';
  if (url.startsWith('node:')) return 'Node core (JS)';
  if (url.includes('/bench/')) return 'bench harness';
  return url;
}

/**
 * @typedef {object} Breakdown
 * @property {number} sampledMs time covered by non-idle samples in the window (wall-clock
 *   intervals, so it stretches when the machine is busy; use process.cpuUsage for CPU time)
 * @property {{ key: string, ms: number, share: number }[]} byPackage top 8, largest first
 * @property {{ key: string, ms: number, share: number }[]} byFunction top 8, largest first
 */

/**
 * Self time of a V8 profile by package and by function, idle excluded, optionally only the
 * samples taken inside `window` (µs on the profiler's clock).
 * @param {any} cpuprofile
 * @param {{ start: number, end: number }} [window]
 * @param {number} [n]
 * @returns {Breakdown}
 */
export function breakdown(cpuprofile, window, n = 8) {
  const byId = new Map(cpuprofile.nodes.map((node) => [node.id, node]));
  /** @type {Map<string, number>} */
  const byPackage = new Map();
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  let busy = 0;
  let t = cpuprofile.startTime;
  for (let i = 0; i < cpuprofile.samples.length; i++) {
    const dt = cpuprofile.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window.start || t > window.end)) continue;
    const { callFrame: f } = byId.get(cpuprofile.samples[i]);
    if (f.functionName === '(idle)') continue;
    const where = classifyFrame(f);
    const file = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const fn = `${f.functionName || '(anonymous)'} (${where}${file && !where.startsWith('Node') ? `, ${file}` : ''})`;
    byPackage.set(where, (byPackage.get(where) ?? 0) + dt);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    busy += dt;
  }
  const top = (map) =>
    [...map]
      .map(([key, us]) => ({ key, ms: us / 1000, share: busy > 0 ? us / busy : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n);
  return { sampledMs: busy / 1000, byPackage: top(byPackage), byFunction: top(byFunction) };
}
