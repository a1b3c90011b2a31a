// Regenerates the losant README's "on the wire" table from a fresh capture (`pnpm --filter
// @tokenkit/docs wire:update`); test/wire-table.test.ts fails while the README differs from one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, wireTable, withTable } from './capture.ts';

const readme = join(import.meta.dirname, '../../../packages/losant/README.md');
writeFileSync(readme, withTable(readFileSync(readme, 'utf8'), wireTable(await capture())));
