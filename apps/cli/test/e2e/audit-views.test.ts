import { stripVTControlCharacters } from 'node:util';
import { type MockServer, startMockServer } from '@tokenkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInDays } from './audit-dates.js';
import { json, losantEnv, processTimeout, runCli, runInTerminal, scriptPath } from './run-cli.js';

/** A name wider than a narrow terminal, which must still be shown whole. */
const longName = 'Production telemetry ingest for the north-east warehouse fleet';

let large: MockServer;
let small: MockServer;
let longAppId: string;

beforeAll(async () => {
  [large, small] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0 })]);
  // 6,000 tokens, each over-broad (all.Application) and never expiring: 6,000 findings.
  large.store.losant.addApplications(200, { tokensEach: 30 });
  const [app] = small.store.losant.addApplications([{ name: longName }]);
  longAppId = app!.id;
  small.store.losant.add({ applicationId: longAppId }, [
    { name: 'ingest-writer', scope: ['all.Application'], expirationDate: isoInDays(3) },
    { name: 'forever', scope: ['devices.get'] },
  ]);
});
afterAll(() => Promise.all([large?.close(), small?.close()]));

/** The screen's lines, colour and progress line gone. */
function screenLines(stdout: string): string[] {
  const report = stdout.slice(stdout.indexOf('Audit of'));
  return stripVTControlCharacters(report).trimEnd().split('\n');
}

/** Commands are meant to be copied whole: the only lines allowed past the terminal's edge. */
const isCommand = (line: string) => /^ {2}tokenkit /.test(line);

describe.concurrent('tokenkit audit views', processTimeout, () => {
  it.skipIf(!scriptPath)(
    'groups findings under a heading naming the application and its id whole; every line fits 50 columns',
    async () => {
      const result = await runInTerminal(['audit', '--all-applications'], {
        columns: 50,
        env: losantEnv(small),
      });
      expect(result.code, result.stdout).toBe(1);
      const lines = screenLines(result.stdout);
      for (const line of lines.filter((l) => !isCommand(l))) {
        expect(line.length, line).toBeLessThanOrEqual(50);
      }
      // The heading wraps at spaces rather than cutting the id or the name.
      const heading = lines.findIndex((line) => line.startsWith('losant application'));
      const whole = lines
        .slice(heading, heading + 3)
        .map((line) => line.trim())
        .join(' ');
      expect(whole).toContain(`losant application ${longAppId} (${longName})`);
      // Under it, its findings, each with the token's name and id whole: the over-broad token
      // expiring in 3 days (two findings) and the one that never expires.
      const findings = lines.slice(heading).filter((line) => /^ {2}(high|medium) /.test(line));
      expect(findings).toHaveLength(3);
      // At 50 columns the token's id goes whole onto the next line.
      const forever = lines.indexOf('  medium   never-expiring forever');
      expect(lines[forever + 1]).toMatch(/^ {6}\([a-f\d]{24}\)$/);
      expect(lines).toContainEqual(expect.stringMatching(/^ {6}has all\.Application; give it/));
      // The verdict wraps to fit too.
      expect(lines.join('\n')).toMatch(
        /\n3 findings: 2 high · 1 medium — failing: at least\n {2}one finding/,
      );
    },
  );

  it.skipIf(!scriptPath)(
    'a 6,000-token audit prints a summary of at most 150 lines that fit 80 columns, and says how to see everything',
    async () => {
      const result = await runInTerminal(['audit', '--all-applications', '--fail-on', 'none'], {
        columns: 80,
        env: losantEnv(large),
      });
      expect(result.code, result.stdout).toBe(0);
      const lines = screenLines(result.stdout);
      expect(lines.length).toBeLessThanOrEqual(150);
      for (const line of lines.filter((l) => !isCommand(l))) {
        expect(line.length, line).toBeLessThanOrEqual(80);
      }
      const text = lines.join('\n');
      expect(text).toMatch(/^Audit of 6000 tokens · \d+ owners/);
      expect(text).toMatch(
        /Findings by rule and severity:\nRULE\s+CRITICAL\s+HIGH\s+MEDIUM\s+LOW\s+TOTAL\nover-broad\s+6000\s+0\s+0\s+0\s+6000/,
      );
      expect(text).toMatch(
        /Worst owners \(10 of 200\):\n {2}losant application [a-f\d]{24} \(.+\): 30 critical/,
      );
      expect(text).toContain('Most urgent findings:');
      expect(text).toMatch(
        /Showed the 12 most urgent of 6000 findings\. To see every one: add\s+--all, or use\s+--format json, markdown, junit or html\./,
      );
      // The verdict wraps to fit.
      expect(text).toMatch(/6000 findings: 6000 critical — \(--fail-on none: never\s+fails\)$/);
    },
  );

  it('--all prints every finding, each with its owner whole in a pipe', async () => {
    const [all, report] = await Promise.all([
      runCli(['audit', '--all-applications', '--fail-on', 'none', '--all'], {
        env: losantEnv(large),
      }),
      runCli(['audit', '--all-applications', '--fail-on', 'none', '--json'], {
        env: losantEnv(large),
      }),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const rows = all.stdout.split('\n').filter((line) => line.startsWith('critical\t'));
    const findings = json<{ findings: { tokenId: string; owner: { id?: string } }[] }>(
      report,
    ).findings;
    expect(rows).toHaveLength(findings.length);
    expect(rows).toHaveLength(6000);
    const [first] = findings;
    expect(rows).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^critical\\tover-broad\\tlosant application ${first!.owner.id} \\(.+\\)\\t.+\\t${first!.tokenId}\\t`,
        ),
      ),
    );
  });
});
