import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { loadDeck } from '../../src/node/deck/load-deck';
import { buildDeck } from '../../src/shared/deck/build-deck';
import { PODIUM_BIN, REPO_ROOT } from '../support/podium-cli';

// The peers' bench kit (../shared/bench) writes the same deterministic deck for every tool.
const MAKE_DECK = join(REPO_ROOT, '../shared/bench/make-deck.mjs');
const SLIDES = 1000;

function generatedDeck(): { source: string; folder: string } {
  if (!existsSync(MAKE_DECK)) throw new Error(`the bench kit is missing: ${MAKE_DECK}`);
  const source = execFileSync(process.execPath, [MAKE_DECK, String(SLIDES), 'reveal'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const folder = mkdtempSync(join(tmpdir(), 'podium-bench-'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'deck.md'), source);
  return { source, folder };
}

const { source, folder } = generatedDeck();

describe(`parse a generated ${SLIDES}-slide deck (goal: under 50 ms in process)`, () => {
  bench('buildDeck: parse in process', () => {
    buildDeck({ fallbackTitle: 'bench', segments: [{ file: 'deck.md', source }] });
  });

  bench('loadDeck: read from disk and parse', async () => {
    await loadDeck(folder);
  });

  bench(
    'podium inspect --json: the whole process',
    () => {
      const result = spawnSync(process.execPath, [PODIUM_BIN, 'inspect', folder, '--json'], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
    },
    { iterations: 10, time: 0 },
  );
});
