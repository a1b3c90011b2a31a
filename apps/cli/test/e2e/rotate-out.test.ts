import { lstat, mkdir, open, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxy } from './hostile-proxy.js';
import { scratchDir, secretIn, useRotateFixture } from './rotate-fixture.js';
import { instanaEnv, processTimeout, runCli } from './run-cli.js';

// Issue 22, item 4: --out writes a new 0600 file next to the target and renames (or, without
// --force, links) it into place: never through a symlink, never keeping an old file's mode or
// inode, and a missing folder or a folder path is refused before the replacement is created.
const fx = useRotateFixture(instanaEnv);

let seeded = 0;

function seedOld() {
  const [old] = fx.mock.store.instana.add([
    { name: `out-${++seeded}`, canConfigureApiTokens: true },
  ]);
  return old!;
}

function named(name: string) {
  return fx.mock.store.instana.list().filter((token) => token.name === name);
}

async function authenticates(secret: string): Promise<boolean> {
  const response = await fetch(`${fx.mock.url}/api/settings/api-tokens`, {
    headers: { authorization: `apiToken ${secret}` },
  });
  await response.body?.cancel();
  return response.status === 200;
}

function rotate(id: string, args: string[], env: Record<string, string> = fx.env) {
  return runCli(['instana', 'tokens', 'rotate', id, ...args, '--yes'], { env });
}

/** A file another program owns, readable by all, that a symlink will point at. */
async function victim(dir: string): Promise<string> {
  const path = join(dir, 'victim');
  await writeFile(path, 'not yours\n', { mode: 0o644 });
  return path;
}

describe.concurrent('tokens rotate --out', processTimeout, () => {
  it('a symlink without --force: refused before anything is created, its target untouched', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'link-');
    const target = await victim(dir);
    const out = join(dir, 'secret');
    await symlink(target, out);
    const result = await rotate(old.internalId, ['--out', out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`--out ${out} already exists`);
    expect(await readFile(target, 'utf8')).toBe('not yours\n');
    expect(named(old.name)).toEqual([old]);
  });

  it('a dangling symlink without --force is refused too (nothing is created through it)', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'dangling-');
    const out = join(dir, 'secret');
    await symlink(join(dir, 'would-be-created'), out);
    const result = await rotate(old.internalId, ['--out', out]);
    expect(result.code, result.stderr).toBe(2);
    await expect(stat(join(dir, 'would-be-created'))).rejects.toThrow('ENOENT');
    expect(named(old.name)).toEqual([old]);
  });

  it('a symlink with --force: the link is replaced by a 0600 file, its target untouched', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'force-link-');
    const target = await victim(dir);
    const out = join(dir, 'secret');
    await symlink(target, out);
    const result = await rotate(old.internalId, ['--out', out, '--force']);
    expect(result.code, result.stderr).toBe(0);
    const written = await lstat(out);
    expect(written.isSymbolicLink()).toBe(false);
    expect(written.mode & 0o777).toBe(0o600);
    expect(await authenticates(secretIn(await readFile(out, 'utf8')))).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('not yours\n');
    expect((await stat(target)).mode & 0o777).toBe(0o644);
  });

  it('--force over a 0644 file: a new 0600 file (new inode); a reader of the old one keeps the old text', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'force-');
    const out = join(dir, 'secret');
    await writeFile(out, 'old secret\n', { mode: 0o644 });
    const before = await stat(out);
    const reader = await open(out, 'r');
    try {
      const result = await rotate(old.internalId, ['--out', out, '--force']);
      expect(result.code, result.stderr).toBe(0);
      const after = await stat(out);
      expect(after.mode & 0o777).toBe(0o600);
      expect(after.ino).not.toBe(before.ino);
      expect(await authenticates(secretIn(await readFile(out, 'utf8')))).toBe(true);
      expect(await reader.readFile('utf8')).toBe('old secret\n');
    } finally {
      await reader.close();
    }
  });

  it.each([
    ['a missing folder', (dir: string) => join(dir, 'missing', 'secret'), 'does not exist'],
    ['a folder', (dir: string) => dir, 'is a folder'],
    [
      'a file as the folder',
      (dir: string) => join(dir, 'victim', 'secret'),
      'cannot use the folder',
    ],
  ])(
    '%s: refused with a clear message before the replacement is created',
    async (_, path, says) => {
      const old = seedOld();
      const dir = await scratchDir(fx, 'bad-');
      await victim(dir);
      const out = path(dir);
      const result = await rotate(old.internalId, ['--out', out]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`--out ${out}`);
      expect(result.stderr).toContain(says);
      expect(named(old.name)).toEqual([old]);
    },
  );

  it('a file that appears after the check is not overwritten without --force: failed delivery', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'race-');
    const out = join(dir, 'secret');
    // The file appears while the replacement is being created: after tokenkit checked.
    const proxy = await startProxy(fx.mock.url, {
      beforeRequest: (request) =>
        request.method === 'POST' ? writeFile(out, 'theirs\n', { mode: 0o644 }) : undefined,
    });
    try {
      const result = await rotate(old.internalId, ['--out', out], {
        ...fx.env,
        INSTANA_BASE_URL: proxy.url,
      });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('a file appeared there after tokenkit checked');
      expect(result.stderr).toMatch(/the replacement \S+ was deleted/);
      expect(await readFile(out, 'utf8')).toBe('theirs\n');
      expect(named(old.name)).toEqual([old]);
    } finally {
      await proxy.close();
    }
  });

  it('leaves no temporary file behind', async () => {
    const old = seedOld();
    const dir = await scratchDir(fx, 'clean-');
    await mkdir(join(dir, 'sub'));
    const out = join(dir, 'sub', 'secret');
    const result = await rotate(old.internalId, ['--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(join(dir, 'sub'))).toEqual(['secret']);
  });
});
