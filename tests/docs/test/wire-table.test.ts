import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { capture, END, START, wireTable, withTable } from '../wire/capture.ts';
import { ROOT } from './markdown.ts';

it("the losant README's wire table is what each client sends today", async () => {
  const readme = readFileSync(join(ROOT, 'packages/losant/README.md'), 'utf8');
  const fresh = withTable(readme, wireTable(await capture()));
  // On a difference: `pnpm --filter @tokenkit/docs wire:update`, then read the diff.
  expect(readme.slice(readme.indexOf(START), readme.indexOf(END))).toBe(
    fresh.slice(fresh.indexOf(START), fresh.indexOf(END)),
  );
});
