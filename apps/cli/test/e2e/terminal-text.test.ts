import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxy } from './hostile-proxy.js';
import { useRotateFixture } from './rotate-fixture.js';
import { json, losantEnv, processTimeout, runCli, runInTerminal, scriptPath } from './run-cli.js';

// Issue 22, item 12: server text reaches no terminal raw: create's "shown once" line, rotate's
// summary and question, and --json (whose escapes JSON.stringify leaves out) show C0, C1, DEL,
// bidi controls and zero-width characters as visible escapes.
const fx = useRotateFixture(losantEnv);

/** A name that would reverse the question, clear the screen and hide a character. */
const hostileName = 'safe\u202e?y/N [\u001b[2J\u200bx\u009b31m\u007f\u2066';
const shownName = 'safe\\u202e?y/N [\\e[2J\\u200bx\\x9b31m\\x7f\\u2066';
// What no output may hold raw (newline and tab aside).
const raw =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this test's job.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

let seeded = 0;

function seedOld() {
  const [old] = fx.mock.store.losant.add('user', [
    { name: `${hostileName}${++seeded}`, scope: ['all.User'] },
  ]);
  return old!;
}

describe.concurrent('server text on a terminal', processTimeout, () => {
  it.skipIf(scriptPath === undefined)(
    "rotate's question shows a hostile name escaped",
    async () => {
      const old = seedOld();
      const result = await runInTerminal(
        ['losant', 'tokens', 'rotate', old.id, '--user', '--out', join(fx.scratch, `q-${old.id}`)],
        { env: fx.env, answer: 'n\r' },
      );
      expect(result.code).toBe(4);
      expect(result.stdout).toContain(
        `"${shownName}${old.name.slice(hostileName.length)}" (${old.id})`,
      );
      // (readline itself may move the cursor: look for the name's own characters only)
      for (const character of ['\u202e', '\u200b', '\u009b', '\u2066', '\u001b[2J']) {
        expect(result.stdout).not.toContain(character);
      }
    },
  );

  it("rotate's summary shows it escaped; --json escapes what JSON.stringify leaves raw", async () => {
    const old = seedOld();
    const file = join(fx.scratch, `s-${old.id}`);
    const human = await runCli(
      ['losant', 'tokens', 'rotate', old.id, '--user', '--out', file, '--revoke', 'keep'],
      { env: fx.env },
    );
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`Rotated Losant API token of the current user "${shownName}`);
    expect(human.stdout).not.toMatch(raw);
    expect(await readFile(file, 'utf8')).not.toBe('');
    const machine = await runCli(
      ['losant', 'tokens', 'rotate', old.id, '--user', '--revoke', 'keep', '--json'],
      { env: fx.env },
    );
    expect(machine.code, machine.stderr).toBe(0);
    expect(machine.stdout).not.toMatch(raw);
    expect(machine.stdout).toContain('\\u202e');
    expect(json<{ new: { name: string } }>(machine).new.name).toBe(old.name);
  });

  it('an error line and the audit show server text escaped', async () => {
    const proxy = await startProxy(fx.mock.url, {
      rewriteJson: (request, body) =>
        request.method === 'GET' && request.url?.includes('/tokens/')
          ? { ...(body as object), message: 'gone\u202e\u200b\u001b[2J' }
          : undefined,
    });
    try {
      const missing = await runCli(
        ['losant', 'tokens', 'get', '0123456789abcdef01234567', '--user'],
        {
          env: { ...fx.env, LOSANT_API_URL: proxy.url },
        },
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('gone\\u202e\\u200b\\e[2J');
      expect(missing.stderr).not.toMatch(raw);
    } finally {
      await proxy.close();
    }
    const old = seedOld();
    const audit = await runCli(['audit', '--fail-on', 'none'], { env: fx.env });
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toContain(`${shownName}${old.name.slice(hostileName.length)}`);
    expect(audit.stdout).not.toMatch(raw);
  });

  it("create's shown-once line shows a secret holding control characters escaped", async () => {
    const proxy = await startProxy(fx.mock.url, {
      rewriteJson: (request, body) =>
        request.method === 'POST'
          ? { ...(body as object), token: 'abc\u001b]0;pwned\u0007\u202edef' }
          : undefined,
    });
    try {
      const result = await runCli(
        ['losant', 'tokens', 'create', '--user', '--name', 'shown-once', '--scope', 'all.User'],
        { env: { ...fx.env, LOSANT_API_URL: proxy.url } },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('(shown once, store it now): abc\\e]0;pwned\\x07\\u202edef');
      expect(result.stdout).not.toMatch(raw);
    } finally {
      await proxy.close();
    }
  });
});
