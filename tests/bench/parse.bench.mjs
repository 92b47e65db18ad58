#!/usr/bin/env node
// Runs tests/bench/parse.bench.ts through vitest's bench mode, which compiles the TypeScript parser
// as the app does: the in-process parse and the whole `podium inspect` process, side by side.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const result = spawnSync(join(root, 'node_modules/.bin/vitest'), ['bench', '--run', 'tests/bench/parse.bench.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
