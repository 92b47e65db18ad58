import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DECKS, PODIUM_BIN } from '../../support/podium-cli';

// Two versions of a segment, large enough that a write takes a while and a kill lands mid-write.
const OLD = `# Old\n\n${'old text line\n'.repeat(40_000)}`;
const NEW = `# New\n\n${'new text line\n'.repeat(40_000)}`;

async function startServe(deck: string): Promise<{ origin: string; presenter: string; kill: () => void; exited: Promise<void> }> {
  const child = spawn(process.execPath, [PODIUM_BIN, 'serve', deck, '--port', '0']);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(chunk.toString());
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', () => reject(new Error('podium serve exited')));
  });
  return {
    origin: url.origin,
    presenter: `/${url.searchParams.get('token')}`,
    kill: () => child.kill('SIGKILL'),
    exited,
  };
}

// The kill lands at a random moment; PODIUM_CRASH_SEED replays a failing run's moments.
const SEED = Number(process.env.PODIUM_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));

/** mulberry32: a small seeded PRNG, so that a failing run can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('saving through serve mode', () => {
  it('leaves every segment whole, old or new, when the process is killed mid-save', async () => {
    const deck = await mkdtemp(join(tmpdir(), 'podium-crash-'));
    try {
      await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
      const files = ['2-intro.md', '10-end.md'];
      const random = seededRandom(SEED);
      const originals = await Promise.all(files.map((file) => readFile(join(deck, file), 'utf8')));
      for (let round = 0; round < 8; round++) {
        const serve = await startServe(deck);
        const save = (file: string, text: string) =>
          fetch(`${serve.origin}${serve.presenter}/api/edit/saveSegment`, {
            method: 'POST',
            headers: { origin: serve.origin },
            body: JSON.stringify({ args: [file, text, 'ignored', true] }),
          }).catch(() => null);
        const loop = (async () => {
          for (let i = 0; ; i++) {
            const response = await save(files[i % 2] ?? '', i % 3 === 0 ? OLD : NEW);
            if (response === null) return;
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 30 + random() * 250));
        serve.kill();
        await serve.exited;
        await loop;
        for (const [index, file] of files.entries()) {
          const text = await readFile(join(deck, file), 'utf8');
          const whole = [originals[index], OLD, NEW].includes(text);
          expect(whole, `${file} after round ${round}: ${text.length} chars (PODIUM_CRASH_SEED=${SEED})`).toBe(true);
        }
      }
      // Temporary files of interrupted saves are hidden, and never taken for segments.
      const visible = (await readdir(deck)).filter((name) => !name.startsWith('.'));
      expect(visible.sort()).toEqual(['10-end.md', '2-intro.md', 'expected.json']);
    } finally {
      await rm(deck, { recursive: true, force: true });
    }
  });
});
