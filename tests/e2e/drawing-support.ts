import { expect, type Locator, type Page } from '@playwright/test';

/** The drawing overlay of a page's presentation (`.reveal > .slides`) or of the speaker view's current slide. */
export function overlayOf(page: Page, speaker = false): Locator {
  return page.locator(speaker ? '.speaker-current-slide svg.podium-drawing' : '.reveal > .slides > svg.podium-drawing');
}

/** Drags the mouse over an overlay from one point to another, each given as a fraction of the slide. */
export async function dragOn(page: Page, overlay: Locator, from: [number, number], to: [number, number], options: { hold?: boolean } = {}): Promise<void> {
  const box = await overlay.boundingBox();
  if (!box) throw new Error('the drawing overlay is not on screen');
  const at = ([x, y]: [number, number]): [number, number] => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 12 });
  if (!options.hold) await page.mouse.up();
}

export interface StrokeBox {
  tool: string;
  /** The stroke's bounding box as fractions of the slide: the same on every screen size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each stroke an overlay shows, where it is on the slide. */
export async function strokeBoxes(overlay: Locator): Promise<StrokeBox[]> {
  type Box = { x: number; y: number; width: number; height: number };
  type Svg = { viewBox: { baseVal: Box }; querySelectorAll(selector: string): Iterable<{ dataset: { tool?: string }; getBBox(): Box }> };
  return overlay.evaluate((element) => {
    const svg = element as unknown as Svg;
    const view = svg.viewBox.baseVal;
    return [...svg.querySelectorAll('path[data-stroke]')].map((path) => {
      const box = path.getBBox();
      return { tool: path.dataset.tool ?? '', x: box.x / view.width, y: box.y / view.height, width: box.width / view.width, height: box.height / view.height };
    });
  });
}

/** Waits until an overlay shows `count` strokes. */
export async function expectStrokes(overlay: Locator, count: number): Promise<void> {
  await expect(overlay.locator('path[data-stroke]')).toHaveCount(count);
}

/** Expects two boxes to be the same spot on the slide, within a hundredth of its size. */
export function expectSameSpot(actual: StrokeBox, expected: Omit<StrokeBox, 'tool'>): void {
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(actual[key] - expected[key]), key).toBeLessThan(0.01);
}

/** Where an overlay's laser dot is, as fractions of the slide; null while it shows none. */
export async function laserDot(overlay: Locator): Promise<{ x: number; y: number } | null> {
  type Svg = {
    viewBox: { baseVal: { width: number; height: number } };
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  };
  return overlay.evaluate((element) => {
    const svg = element as unknown as Svg;
    const dot = svg.querySelector('circle.podium-laser-dot');
    if (!dot) return null;
    const view = svg.viewBox.baseVal;
    return { x: Number(dot.getAttribute('cx')) / view.width, y: Number(dot.getAttribute('cy')) / view.height };
  });
}

/** Moves the mouse to a point of an overlay, given as fractions of the slide. */
export async function pointAt(page: Page, overlay: Locator, [x, y]: [number, number]): Promise<void> {
  const box = await overlay.boundingBox();
  if (!box) throw new Error('the drawing overlay is not on screen');
  await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
}

/** The reddest pixel on screen within a few pixels of a point of an overlay (fractions of the slide), as [r, g, b]. */
export async function reddestNear(page: Page, overlay: Locator, [x, y]: [number, number]): Promise<[number, number, number]> {
  const box = await overlay.boundingBox();
  if (!box) throw new Error('the drawing overlay is not on screen');
  const png = await page.screenshot({ clip: { x: box.x + x * box.width - 3, y: box.y + y * box.height - 3, width: 7, height: 7 } });
  // Decoded by the page itself: a Blob needs no URL, so the page's CSP has nothing to refuse.
  // A string, not a function: this file is type-checked without the DOM's types.
  return page.evaluate(`(async (bytes) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let best = [0, 0, 0];
    for (let index = 0; index < data.length; index += 4) {
      if (data[index] - data[index + 1] > best[0] - best[1]) best = [data[index], data[index + 1], data[index + 2]];
    }
    return best;
  })(${JSON.stringify([...png])})`) as Promise<[number, number, number]>;
}
