import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_DECKS, runPodium } from '../support/podium-cli';
import { DRAWINGS_FILE } from '../../src/node/present/drawings-file';

// Welcome (0/0), "Three steps" (1/0, two fragments), Thank you, Questions; 1920 × 1080, light text on dark.
const DECK = join(FIXTURE_DECKS, 'presenting');
const DPI = 48;
// The pen is 6 slide pixels wide at full pressure: at 48 dpi of a 20-inch page, about two pixels.

let work = '';
let deck = '';
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-export-drawings-'));
  deck = join(work, 'deck');
  await cp(DECK, deck, { recursive: true });
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A white pen stroke across the slide at height `y` (a fraction), from x 0.2 to 0.8. */
function strokeAcross(id: string, y: number, f: number): unknown {
  const points = Array.from({ length: 25 }, (_, index) => [1920 * (0.2 + 0.025 * index), 1080 * y, 1]);
  return { id, tool: 'pen', color: '#ffffff', f, points };
}

interface Grey {
  width: number;
  height: number;
  /** Mean brightness (0 black – 255 white) of a box given in fractions of the page. */
  brightness(box: { x: number; y: number; width: number; height: number }): number;
}

function greyPage(pdf: string, page: number): Grey {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return {
    width,
    height,
    brightness(box) {
      let sum = 0;
      let count = 0;
      for (let y = Math.floor(box.y * height); y < Math.ceil((box.y + box.height) * height); y++) {
        for (let x = Math.floor(box.x * width); x < Math.ceil((box.x + box.width) * width); x++) {
          sum += pixels[y * width + x] ?? 0;
          count++;
        }
      }
      return sum / count;
    },
  };
}

function exportPdf(name: string, ...args: string[]): string {
  const pdf = join(work, name);
  const result = runPodium(['export', deck, '--pdf', pdf, ...args]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return pdf;
}

test.describe('podium export --drawings', () => {
  test('prints the saved drawings over their slides, and only where they were drawn', async () => {
    await mkdir(join(deck, '.podium'));
    // Low on the welcome slide, where it has no text; on the steps slide at the second step only.
    await writeFile(join(deck, DRAWINGS_FILE), JSON.stringify({ pages: { '0/0': [strokeAcross('a-1', 0.85, -1)], '1/0': [strokeAcross('a-2', 0.9, 1)] } }));
    const plain = exportPdf('plain.pdf');
    const drawn = exportPdf('drawn.pdf', '--drawings');
    const stroke = { x: 0.3, y: 0.845, width: 0.4, height: 0.01 };
    const elsewhere = { x: 0.3, y: 0.6, width: 0.4, height: 0.1 };
    const [plainWelcome, drawnWelcome] = [greyPage(plain, 1), greyPage(drawn, 1)];
    expect(drawnWelcome.brightness(stroke) - plainWelcome.brightness(stroke)).toBeGreaterThan(40);
    expect(Math.abs(drawnWelcome.brightness(elsewhere) - plainWelcome.brightness(elsewhere))).toBeLessThan(1);
    // The steps slide printed in its final state shows its stroke too.
    const lower = { x: 0.3, y: 0.895, width: 0.4, height: 0.01 };
    expect(greyPage(drawn, 2).brightness(lower) - greyPage(plain, 2).brightness(lower)).toBeGreaterThan(40);

    // One page per fragment step: the stroke drawn at the second step is on that page alone.
    const steps = exportPdf('steps.pdf', '--drawings', '--fragments');
    const background = greyPage(plain, 2).brightness(lower);
    const stepPages = [2, 3, 4].map((page) => greyPage(steps, page).brightness(lower) - background);
    expect(stepPages[0]).toBeLessThan(1);
    expect(stepPages[1]).toBeLessThan(1);
    expect(stepPages[2]).toBeGreaterThan(40);
  });

  test('a drawings file that is not drawings stops the export with its name', async () => {
    await mkdir(join(deck, '.podium'));
    await writeFile(join(deck, DRAWINGS_FILE), '{"pages": {"0/0": [{"id": "x"}]}}');
    const result = runPodium(['export', deck, '--pdf', join(work, 'out.pdf'), '--drawings']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(join('.podium', 'drawings.json'));
    expect(result.stderr).toContain('not Podium drawings');
  });
});
