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
