import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { listImages, type PdfImageUse } from '../node/export/read-pdf';
import { FIXTURE_DECKS, runPodium } from '../support/podium-cli';

// Three slides show one photo at 480 × 360 CSS px (5 × 3.75 in on the page), a fourth has a
// transparent PNG as its background, covering the 1280 × 720 slide. The test draws both images
// into a copy of the deck: a 4000 × 3000 JPEG photo (800 ppi where it is shown) and a
// 3000 × 1500 PNG with transparency (its cover box is 1440 × 720 CSS px, so 200 ppi).
const DECK = join(FIXTURE_DECKS, 'export-large-images');

/** Draws an image in the browser and returns it encoded: noise makes the photo as costly as a real one. */
async function drawImage(page: Page, picture: { width: number; height: number; type: string; transparent: boolean }): Promise<Buffer> {
  // A string, not a function: the Node-side type check has no DOM types.
  const dataUrl = (await page.evaluate(`(({ width, height, type, transparent }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!transparent) {
      const sky = context.createLinearGradient(0, 0, width, height);
      sky.addColorStop(0, '#1e3c72');
      sky.addColorStop(1, '#f7b733');
      context.fillStyle = sky;
      context.fillRect(0, 0, width, height);
    }
    for (let i = 0; i < 300; i++) {
      context.fillStyle = 'hsla(' + ((i * 37) % 360) + ', 80%, 55%, ' + (transparent ? 0.6 : 0.5) + ')';
      context.beginPath();
      context.arc((i * 7919) % width, (i * 104729) % height, 30 + (i % 40) * 5, 0, 2 * Math.PI);
      context.fill();
    }
    if (!transparent) {
      const pixels = context.getImageData(0, 0, width, height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        const grain = (Math.random() - 0.5) * 30;
        pixels.data[i] += grain;
        pixels.data[i + 1] += grain;
        pixels.data[i + 2] += grain;
      }
      context.putImageData(pixels, 0, 0);
    }
    return canvas.toDataURL(type, 0.92);
  })(${JSON.stringify(picture)})`)) as string;
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Page `page` of `pdf` rendered in grey at `dpi`: its pixels, one byte each. */
function renderGrey(pdf: string, page: number, dpi: number): Buffer {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  // Binary PGM: "P5\n<width> <height>\n255\n" then the pixels.
  const header = /^P5\s+\d+\s+\d+\s+255\s/.exec(pgm.toString('latin1', 0, 32));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  return pgm.subarray(header[0].length);
}

function meanDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += Math.abs((a[index] as number) - (b[index] as number));
  return sum / a.length;
}

const photoUses = (images: PdfImageUse[]): PdfImageUse[] => images.filter((image) => image.page <= 3 && image.type === 'image');
const lanternUses = (images: PdfImageUse[]): PdfImageUse[] => images.filter((image) => image.page === 4);

let work = '';
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-export-images-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test.describe('podium export: images', () => {
  test('--max-image-dpi 150 downsamples images to 150 ppi where they are shown; without it, every pixel stays', async ({ page }) => {
    const deck = join(work, 'deck');
    await cp(DECK, deck, { recursive: true });
    await mkdir(join(deck, 'images'));
    await writeFile(join(deck, 'images/harbour.jpg'), await drawImage(page, { width: 4000, height: 3000, type: 'image/jpeg', transparent: false }));
    await writeFile(join(deck, 'images/lanterns.png'), await drawImage(page, { width: 3000, height: 1500, type: 'image/png', transparent: true }));

    const original = join(work, 'original.pdf');
    const downsampled = join(work, 'downsampled.pdf');
    for (const [pdf, ...args] of [[original], [downsampled, '--max-image-dpi', '150']] as const) {
      const result = runPodium(['export', deck, '--pdf', pdf, ...args]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }

    // By default: the photo keeps its 4000 × 3000 pixels and is embedded once for its three slides.
    const before = listImages(original);
    expect(photoUses(before).map(({ page, width, height }) => ({ page, width, height }))).toEqual([
      { page: 1, width: 4000, height: 3000 },
      { page: 2, width: 4000, height: 3000 },
      { page: 3, width: 4000, height: 3000 },
    ]);
    expect(new Set(photoUses(before).map((image) => image.object)).size).toBe(1);
    // Chromium embeds only the part of a background its box shows: the 1500 rows, not all columns.
    expect(lanternUses(before).map(({ type, height, xPpi, yPpi }) => ({ type, height, xPpi, yPpi }))).toEqual([
      { type: 'image', height: 1500, xPpi: 200, yPpi: 200 },
      { type: 'smask', height: 1500, xPpi: 200, yPpi: 200 },
    ]);

    // With 150 dpi: 5 × 3.75 in allow 750 × 563 pixels, still one JPEG embedded once.
    const after = listImages(downsampled);
    const photo = photoUses(after);
    expect(photo.map((image) => image.page)).toEqual([1, 2, 3]);
    expect(new Set(photo.map((image) => image.object)).size).toBe(1);
    for (const image of photo) {
      expect(image.encoding).toBe('jpeg');
      expect(image.width).toBeLessThanOrEqual(750);
      expect(image.height).toBeLessThanOrEqual(563);
      // Downsampled to 150 ppi, not below it.
      expect(image.width).toBeGreaterThanOrEqual(749);
      expect([image.xPpi, image.yPpi]).toEqual([150, 150]);
    }
    // The background covers 15 × 7.5 in: at most 1125 rows, its transparency kept as a soft mask.
    expect(lanternUses(after).map(({ type }) => type)).toEqual(['image', 'smask']);
    for (const image of lanternUses(after)) {
      expect(image.height).toBeLessThanOrEqual(1125);
      expect(image.height).toBeGreaterThanOrEqual(1120);
      expect([image.xPpi, image.yPpi]).toEqual([150, 150]);
    }

    expect(statSync(downsampled).size).toBeLessThan(statSync(original).size / 3);
    // The pages look the same at screen resolution: the photo on page 1, the background on page 4.
    for (const pageNumber of [1, 4]) {
      const difference = meanDifference(renderGrey(original, pageNumber, 48), renderGrey(downsampled, pageNumber, 48));
      expect(difference, `page ${pageNumber}`).toBeLessThan(2);
    }
    // …and not because nothing is drawn: page 1 differs from page 4 far more.
    expect(meanDifference(renderGrey(downsampled, 1, 48), renderGrey(downsampled, 4, 48))).toBeGreaterThan(20);
  });

  test('--max-image-dpi must be a positive whole number', () => {
    const result = runPodium(['export', DECK, '--pdf', join(work, 'never.pdf'), '--max-image-dpi', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--max-image-dpi');
    expect(result.stderr).toContain('expected a positive whole number');
  });
});
