import { expect, test, type Page } from '@playwright/test';
import { CEREMONY_DECK } from '../support/podium-cli';
import { openSpeakerView, servePresenting, type PresentingServer } from './present-support';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The preview's box, and the box of the slide reveal.js lays out inside it (its scaled `.slides`). */
async function previewBoxes(speaker: Page, selector: string): Promise<{ box: Box; slides: Box }> {
  const box = await speaker.locator(selector).boundingBox();
  const slides = await speaker.locator(`${selector} > .slides`).boundingBox();
  if (!box || !slides) throw new Error(`${selector} is not shown`);
  return { box, slides };
}

let served: PresentingServer | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

// The ceremony deck is 1920x1080 (16:9), its slides drawn to the edges.
for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}x${viewport.height} the NOW preview is the audience slide scaled at 16:9, as NEXT is`, async ({ page }) => {
    served = await servePresenting(CEREMONY_DECK);
    await page.setViewportSize(viewport);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const speaker = await openSpeakerView(page);
    await speaker.setViewportSize(viewport);
    await page.keyboard.press('ArrowRight');
    await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-h', '1');

    for (const selector of ['.speaker-current-slide', '.speaker-next-slide']) {
      await expect.poll(async () => {
        const { box } = await previewBoxes(speaker, selector);
        return Math.abs(box.width / box.height - 16 / 9) < 0.02;
      }, `${selector} at 16:9`).toBe(true);
      const { box, slides } = await previewBoxes(speaker, selector);
      // The slide fills its box: not shrunk, not shifted, nothing cropped.
      // The slide fills its box and is centred in it: not shrunk, shifted or cropped. reveal.js rounds
      // its scale to hundredths, for the audience too: the slide may differ from the box by half a
      // hundredth of the deck's 1920x1080.
      expect(Math.abs(slides.width - box.width), `${selector} width ${slides.width} in ${box.width}`).toBeLessThanOrEqual(1920 * 0.005 + 1);
      expect(Math.abs(slides.height - box.height), `${selector} height ${slides.height} in ${box.height}`).toBeLessThanOrEqual(1080 * 0.005 + 1);
      expect(Math.abs(slides.x + slides.width / 2 - (box.x + box.width / 2)), `${selector} centre`).toBeLessThan(1.5);
      expect(Math.abs(slides.y + slides.height / 2 - (box.y + box.height / 2)), `${selector} middle`).toBeLessThan(1.5);
    }
    const now = await previewBoxes(speaker, '.speaker-current-slide');
    const next = await previewBoxes(speaker, '.speaker-next-slide');
    // NOW is the larger of the two, and a real preview: at least a third of the window's width.
    expect(now.box.width).toBeGreaterThan(next.box.width);
    expect(now.box.width).toBeGreaterThan(viewport.width / 3);
    console.log(`NOW ${Math.round(now.box.width)}x${Math.round(now.box.height)}, NEXT ${Math.round(next.box.width)}x${Math.round(next.box.height)} at ${viewport.width}x${viewport.height}`);

    // The same slide as the audience's, its text laid out at the same relative places.
    const audience = await page.locator('.reveal .slides section.present').innerText();
    await expect(speaker.locator('.speaker-current-slide section.present')).toHaveText(audience.replace(/\s+/g, ' ').trim(), { useInnerText: true });
    const heading = async (target: Page, root: string): Promise<{ x: number; y: number }> => {
      const rootBox = await target.locator(root).boundingBox();
      const title = await target.locator(`${root} section.present h2`).first().boundingBox();
      if (!rootBox || !title) throw new Error('no heading');
      return { x: (title.x - rootBox.x) / rootBox.width, y: (title.y - rootBox.y) / rootBox.height };
    };
    const inAudience = await heading(page, '.reveal > .slides');
    const inNow = await heading(speaker, '.speaker-current-slide > .slides');
    expect(Math.abs(inAudience.x - inNow.x)).toBeLessThan(0.01);
    expect(Math.abs(inAudience.y - inNow.y)).toBeLessThan(0.01);
  });
}
