import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the export benchmarks read from their surroundings, checked before anything is timed: the
 * built `podium`, ../shared/bench (SHARED_BENCH) with its make-deck.mjs, and the deck sizes and
 * runs (SIZES, default "10 100 300"; RUNS, default 3). `name` is the benchmark's, for its errors.
 */
export function benchArgs(name) {
  const repo = resolve(import.meta.dirname, '../..');
  const podium = join(repo, 'out/cli/podium.js');
  const sharedBench = process.env.SHARED_BENCH ?? resolve(repo, '../shared/bench');
  const sizes = (process.env.SIZES ?? '10 100 300').split(/\s+/).filter(Boolean).map(Number);
  const runs = Number(process.env.RUNS ?? 3);
  const fail = (message) => {
    console.error(`bench ${name}: ${message}`);
    process.exit(1);
  };
  if (!existsSync(podium)) fail(`no ${podium}: run \`npm run build\` first`);
  if (!existsSync(join(sharedBench, 'make-deck.mjs'))) fail(`no make-deck.mjs in ${sharedBench} (set SHARED_BENCH)`);
  /** The Markdown of an n-slide deck in one tool's syntax ('reveal', 'marp'), from make-deck.mjs. */
  const makeDeck = (n, syntax) => execFileSync(process.execPath, [join(sharedBench, 'make-deck.mjs'), String(n), syntax]);
  return { podium, sharedBench, sizes, runs, fail, makeDeck };
}
