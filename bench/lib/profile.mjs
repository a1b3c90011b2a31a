/**
 * CPU profiles, used to name the cause when a goal is missed: where the self time goes,
 * by package and by function.
 */
import { Session } from 'node:inspector/promises';

/**
 * Profiles `fn` in this process with V8's sampling profiler.
 * @param {() => Promise<void>} fn
 * @returns {Promise<object>} a V8 `.cpuprofile` object
 */
export async function cpuProfile(fn) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  let profile;
  try {
    await fn();
  } finally {
    ({ profile } = await session.post('Profiler.stop'));
    session.disconnect();
  }
  return profile;
}

/**
 * Which package or part of the runtime a stack frame belongs to.
 * @param {{ url: string, functionName: string }} frame
 */
export function classifyFrame({ url, functionName }) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(idle)') return 'idle (waiting on I/O)';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native ${functionName || '(anonymous)'}`;
  }
  const pnpm = url.match(/node_modules\/\.pnpm\/(@[^/]+\+[^@/]+|[^@/]+)@/);
  if (pnpm) return pnpm[1].replace('+', '/');
  const ours = url.match(/\/(packages|apps)\/([^/]+)\//);
  if (ours) return ours[2] === 'cli' ? '@tokenkit/cli' : `@tokenkit/${ours[2]}`;
  if (url.includes('node:internal/deps/undici')) return 'undici (Node fetch)';
  if (url.startsWith('node:')) return 'Node core (JS)';
  if (url.includes('/bench/')) return 'bench harness';
  return url;
}

/**
 * Self time of a profile, summed by a key.
 * @param {any} profile
 * @param {(node: any) => string} keyOf
 * @returns {{ key: string, ms: number, share: number }[]} largest first
 */
export function selfTimeBy(profile, keyOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, number>} */
  const totals = new Map();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i] ?? 0;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  }
  return [...totals]
    .map(([key, us]) => ({ key, ms: us / 1000, share: all > 0 ? us / all : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

/**
 * A short breakdown of a profile: self time by package (top `n`) and by function (top `n`),
 * idle time left out of the shares so they describe CPU work.
 * @param {any} profile
 * @param {number} [n]
 */
export function breakdown(profile, n = 8) {
  const busy = (rows) => {
    const kept = rows.filter((r) => r.key !== 'idle (waiting on I/O)');
    const total = kept.reduce((s, r) => s + r.ms, 0);
    return kept.slice(0, n).map((r) => ({ ...r, share: total > 0 ? r.ms / total : 0 }));
  };
  const byPackage = busy(selfTimeBy(profile, (node) => classifyFrame(node.callFrame)));
  const byFunction = busy(
    selfTimeBy(profile, ({ callFrame: f }) => {
      const where = classifyFrame(f);
      const file = f.url ? f.url.split('/').pop() : '';
      return `${f.functionName || '(anonymous)'} — ${where}${file && !where.endsWith(file) ? ` ${file}:${f.lineNumber + 1}` : ''}`;
    }),
  );
  return { byPackage, byFunction };
}
