/**
 * Profiled run of one request-overhead contender (started by profileChild with --cpu-prof):
 * warm up, then `requests` sequential calls inside a marked window.
 *
 * argv[2]: JSON { url, contender (its name), requests }
 */
import { requestContenders } from './contenders.mjs';
import { profilerNow } from './profile.mjs';

const { url, contender, requests } = JSON.parse(process.argv[2]);
const { contenders } = await requestContenders(url);
const c = contenders.find((k) => k.name === contender);
if (!c) throw new Error(`no contender ${contender}`);
for (let i = 0; i < 500; i++) await c.call();
const cpu = process.cpuUsage();
const start = profilerNow();
for (let i = 0; i < requests; i++) await c.call();
const end = profilerNow();
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ window: { start, end }, cpuUs: user + system })}\n`);
