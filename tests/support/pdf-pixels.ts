import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

// Pixels of PNGs are read in the browser (its canvas decodes PNG; Node has no decoder without a
// dependency). The scripts are strings, not functions: the Node-side type check has no DOM types.

/** Page `number` of `pdf` as a PNG at 96 dpi: one pixel per CSS px of the page. */
export function renderPdfPage(pdf: string, number: number): Buffer {
  return execFileSync('pdftoppm', ['-png', '-r', '96', '-f', String(number), '-l', String(number), '-singlefile', pdf]);
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Decodes a base64 PNG to ImageData, in the page. */
const DECODE = `async (base64) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + base64;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}`;

export interface Difference {
  /** Mean of |a - b| over the RGB channels of every compared pixel, 0–255. */
  mean: number;
  /** The same mean over the worst `block` × `block` square, and where it is. */
  worstBlock: number;
  worstAt: { x: number; y: number };
  /**
   * The largest shift of one colour channel over a square, the signed differences averaged:
   * anti-aliasing makes edges lighter here and darker there, a changed colour moves them all one way.
   */
  worstShift: number;
  /** The differences, brightened, as a PNG data URL: to write beside the test's results. */
  picture: string;
}

/**
 * Compares two PNGs of one size pixel by pixel, leaving out `masked`, a rectangle only one of them
 * has. Differences are also averaged over squares of `block` px: glyph edges anti-aliased by
 * Chromium and by poppler differ pixel by pixel, a missing word or a wrong colour over whole squares.
 */
export async function compare(page: Page, a: Buffer, b: Buffer, masked: Rectangle, block: number): Promise<Difference> {
  return page.evaluate(`(async ({ a, b, masked, block }) => {
    const decode = ${DECODE};
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
  })(${JSON.stringify({ a: a.toString('base64'), b: b.toString('base64'), masked, block })})`) as Promise<Difference>;
}

/** Where one colour shows in a picture. */
export interface ColourPatch {
  /** Pixels of that colour. */
  pixels: number;
  /** The smallest rectangle holding them all; null when there are none. */
  bounds: Rectangle | null;
}

/**
 * Finds each of `colours` (`#rrggbb`) in a PNG, each channel within `tolerance` of it: a solid
 * picture printed whole is a patch that fills its bounds, at the picture's aspect ratio.
 */
export async function findColours(page: Page, png: Buffer, colours: readonly string[], tolerance = 24): Promise<Record<string, ColourPatch>> {
  return page.evaluate(`(async ({ png, colours, tolerance }) => {
    const { width, height, data } = await (${DECODE})(png);
    const found = {};
    for (const colour of colours) {
      const rgb = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
      let pixels = 0, left = width, top = height, right = -1, bottom = -1;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const at = (y * width + x) * 4;
          if (rgb.some((value, channel) => Math.abs(data[at + channel] - value) > tolerance)) continue;
          pixels++;
          left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
      }
      found[colour] = { pixels, bounds: pixels === 0 ? null : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 } };
    }
    return found;
  })(${JSON.stringify({ png: png.toString('base64'), colours, tolerance })})`) as Promise<Record<string, ColourPatch>>;
}
