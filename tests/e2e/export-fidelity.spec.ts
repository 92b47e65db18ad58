import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS, runPodium, servePodium, type ServeProcess } from '../support/podium-cli';

// Five slides of 960 × 540: text on a background colour, a gradient background, an image, highlighted
// code, KaTeX math. No transitions.
const DECK = join(FIXTURE_DECKS, 'export-fidelity');
const SLIDE = { width: 960, height: 540 };
// reveal.js keeps 4% of the window as a margin around the presented slide: in a 1000 × 564 window
// the 960 px wide slide is shown at exactly scale 1 (960 / 0.96 = 1000), at whole-pixel offsets,
// so each of its pixels can be set against the PDF page's rendered at 96 dpi (one CSS px each).
const WINDOW = { width: 1000, height: 564 };
// Differences are averaged over squares of this many px: glyph edges anti-aliased by Chromium and
// by poppler differ pixel by pixel, a missing word or a wrong colour differs over whole squares.
const BLOCK = 16;
/** Out of 255: what anti-aliasing alone leaves, with room for another Chromium or poppler. */
const MAX_MEAN_DIFFERENCE = 4;
const MAX_BLOCK_DIFFERENCE = 64;
const MAX_COLOUR_SHIFT = 48;

interface Difference {
  /** Mean of |a - b| over the RGB channels of every compared pixel, 0–255. */
  mean: number;
  /** The same mean over the worst BLOCK × BLOCK square, and where it is. */
  worstBlock: number;
  worstAt: { x: number; y: number };
  /**
   * The largest shift of one colour channel over a square, the signed differences averaged:
   * anti-aliasing makes edges lighter here and darker there, a changed colour moves them all one way.
   */
  worstShift: number;
  /** The differences, brightened, as a PNG data URL: written beside the test's results. */
  picture: string;
}

/**
 * Compares two PNGs of one size pixel by pixel in the browser (its canvas decodes PNG; Node has
 * no decoder without a dependency), leaving out `masked`, a rectangle only one of them has.
 */
async function compare(page: Page, a: Buffer, b: Buffer, masked: { x: number; y: number; width: number; height: number }): Promise<Difference> {
  // A string, not a function: the Node-side type check has no DOM types.
  return page.evaluate(`(async ({ a, b, masked, block }) => {
    const decode = async (base64) => {
      const image = new Image();
      image.src = 'data:image/png;base64,' + base64;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, canvas.width, canvas.height);
    };
    const [first, second] = await Promise.all([decode(a), decode(b)]);
    if (first.width !== second.width || first.height !== second.height) {
      throw new Error('sizes differ: ' + first.width + 'x' + first.height + ' and ' + second.width + 'x' + second.height);
    }
    const { width, height } = first;
    const diff = new ImageData(width, height);
    const blocks = new Map();
    let sum = 0;
    let count = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 4;
        diff.data[at + 3] = 255;
        if (x >= masked.x && x < masked.x + masked.width && y >= masked.y && y < masked.y + masked.height) continue;
        const d = (Math.abs(first.data[at] - second.data[at]) + Math.abs(first.data[at + 1] - second.data[at + 1]) +
          Math.abs(first.data[at + 2] - second.data[at + 2])) / 3;
        diff.data[at] = diff.data[at + 1] = diff.data[at + 2] = Math.min(255, d * 4);
        sum += d;
        count++;
        const key = Math.floor(x / block) + ',' + Math.floor(y / block);
        const cell = blocks.get(key) ?? { sum: 0, count: 0, signed: [0, 0, 0] };
        cell.sum += d;
        cell.count++;
        for (let channel = 0; channel < 3; channel++) cell.signed[channel] += first.data[at + channel] - second.data[at + channel];
        blocks.set(key, cell);
      }
    }
    let worstBlock = 0;
    let worstAt = { x: 0, y: 0 };
    let worstShift = 0;
    for (const [key, cell] of blocks) {
      worstShift = Math.max(worstShift, ...cell.signed.map((sum) => Math.abs(sum) / cell.count));
      const mean = cell.sum / cell.count;
      if (mean > worstBlock) {
        worstBlock = mean;
        const [bx, by] = key.split(',').map(Number);
        worstAt = { x: bx * block, y: by * block };
      }
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').putImageData(diff, 0, 0);
    return { mean: sum / count, worstBlock, worstAt, worstShift, picture: canvas.toDataURL('image/png') };
  })(${JSON.stringify({ a: a.toString('base64'), b: b.toString('base64'), masked, block: BLOCK })})`) as Promise<Difference>;
}

/** Page `number` of `pdf` as a PNG at 96 dpi: one pixel per CSS px of the slide. */
function renderPdfPage(pdf: string, number: number): Buffer {
  return execFileSync('pdftoppm', ['-png', '-r', '96', '-f', String(number), '-l', String(number), '-singlefile', pdf]);
}

let work = '';
let server: ServeProcess | null = null;
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-export-fidelity-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(work, { recursive: true, force: true });
});

test.describe('podium export: what the presenter sees is what the PDF shows', () => {
  test('each slide presented in Chromium matches its PDF page pixel for pixel, and not another page', async ({ page }, testInfo) => {
    const pdf = join(work, 'deck.pdf');
    const exported = runPodium(['export', DECK, '--pdf', pdf]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);

    server = await servePodium(DECK);
    await page.setViewportSize(WINDOW);
    await page.goto(server.url);
    await page.waitForSelector('html[data-podium-ready]');
    // The controls and the progress bar are screen furniture the print view leaves out.
    await page.addStyleTag({ content: '.reveal .controls, .reveal .progress { display: none !important; }' });
    // The slide number is "1 / 5" in the window's corner on screen, "1" in the page's corner in print.
    await page.addStyleTag({ content: '.reveal .slide-number { display: none !important; }' });
    const masked = { x: SLIDE.width - 56, y: SLIDE.height - 48, width: 56, height: 48 };
    const slideArea = (await page.evaluate(`(() => {
      const { x, y, width, height } = document.querySelector('.reveal .slides').getBoundingClientRect();
      return { x, y, width, height };
    })()`)) as { x: number; y: number; width: number; height: number };
    expect(slideArea).toEqual({ x: 20, y: 12, ...SLIDE });
    const slides = Number(await page.evaluate('window.Reveal.getTotalSlides()'));
    expect(slides).toBe(5);

    const screenshots: Buffer[] = [];
    for (let index = 0; index < slides; index++) {
      await page.evaluate(`window.Reveal.slide(${index})`);
      // Backgrounds fade even without a slide transition: wait until nothing moves.
      await page.evaluate(`Promise.all(document.getAnimations().map((animation) => animation.finished))`);
      await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
      screenshots.push(await page.screenshot({ clip: slideArea }));
    }

    await page.goto('about:blank');
    for (let index = 0; index < slides; index++) {
      const printed = renderPdfPage(pdf, index + 1);
      const difference = await compare(page, screenshots[index] as Buffer, printed, masked);
      const label = `slide ${index + 1}: mean ${difference.mean.toFixed(2)}, worst ${BLOCK} px square ${difference.worstBlock.toFixed(1)} at ${JSON.stringify(difference.worstAt)}, colour shift ${difference.worstShift.toFixed(1)}`;
      // Measured: means of 0.9–3, worst squares of 30–49 (the edges of large bold letters),
      // colour shifts of 20–27; code printed without its highlighting shifts by 79.
      expect.soft(difference.mean, label).toBeLessThan(MAX_MEAN_DIFFERENCE);
      expect.soft(difference.worstBlock, label).toBeLessThan(MAX_BLOCK_DIFFERENCE);
      expect.soft(difference.worstShift, label).toBeLessThan(MAX_COLOUR_SHIFT);
      // Kept beside the test's results (test-results/), to look at when a comparison fails.
      const pictures = { presented: screenshots[index] as Buffer, printed, difference: Buffer.from(difference.picture.split(',')[1] as string, 'base64') };
      for (const [name, body] of Object.entries(pictures)) {
        const path = testInfo.outputPath(`slide-${index + 1}-${name}.png`);
        await writeFile(path, body);
      }
    }

    // The comparison tells slides apart: slide 1 as presented is far from page 2 as printed.
    const wrongPage = await compare(page, screenshots[0] as Buffer, renderPdfPage(pdf, 2), masked);
    expect(wrongPage.mean).toBeGreaterThan(4 * MAX_MEAN_DIFFERENCE);
    expect(wrongPage.worstBlock).toBeGreaterThan(2 * MAX_BLOCK_DIFFERENCE);
    expect(wrongPage.worstShift).toBeGreaterThan(2 * MAX_COLOUR_SHIFT);
  });
});
