import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { compare, renderPdfPage, type Difference, type Rectangle } from '../support/pdf-pixels';
import { FIXTURE_DECKS, runPodium, servePodium, type ServeProcess } from '../support/podium-cli';

// Six slides of 960 × 540: text on a background colour, a gradient background, a background image
// scaled to cover the slide, an image, highlighted code, KaTeX math. No transitions.
const DECK = join(FIXTURE_DECKS, 'export-fidelity');
// One slide of 1280 × 720 whose image runs past the bottom edge, and a slide after it.
const OVERFLOW_DECK = join(FIXTURE_DECKS, 'export-overflow');
// Differences are averaged over squares of this many px: glyph edges anti-aliased by Chromium and
// by poppler differ pixel by pixel, a missing word or a wrong colour differs over whole squares.
const BLOCK = 16;
/** Out of 255: what anti-aliasing alone leaves, with room for another Chromium or poppler. */
const MAX_MEAN_DIFFERENCE = 4;
const MAX_BLOCK_DIFFERENCE = 64;
const MAX_COLOUR_SHIFT = 48;

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

function exportPdf(deck: string): string {
  const pdf = join(work, 'deck.pdf');
  const exported = runPodium(['export', deck, '--pdf', pdf]);
  expect(exported.stderr).toBe('');
  expect(exported.status).toBe(0);
  return pdf;
}

/**
 * Presents `deck` with `podium serve` in a window of `window` CSS px and screenshots the slide
 * area of each slide: what the presenter sees of it. The slide fills the window edge to edge; the
 * window has the slide's size, so the slide is shown at exactly scale 1 and each of its pixels can
 * be set against the PDF page's rendered at 96 dpi (one CSS px each).
 */
async function presentSlides(page: Page, deck: string, window: { width: number; height: number }): Promise<{ slideArea: Rectangle; screenshots: Buffer[] }> {
  server = await servePodium(deck);
  await page.setViewportSize(window);
  await page.goto(server.url);
  await page.waitForSelector('html[data-podium-ready]');
  // The controls and the progress bar are screen furniture the print view leaves out.
  await page.addStyleTag({ content: '.reveal .controls, .reveal .progress { display: none !important; }' });
  // The slide number is "1 / 5" in the window's corner on screen, "1" in the page's corner in print.
  await page.addStyleTag({ content: '.reveal .slide-number { display: none !important; }' });
  const slideArea = (await page.evaluate(`(() => {
    const { x, y, width, height } = document.querySelector('.reveal .slides').getBoundingClientRect();
    return { x, y, width, height };
  })()`)) as Rectangle;
  const slides = Number(await page.evaluate('window.Reveal.getTotalSlides()'));
  const screenshots: Buffer[] = [];
  for (let index = 0; index < slides; index++) {
    await page.evaluate(`window.Reveal.slide(${index})`);
    // Backgrounds fade even without a slide transition: wait until nothing moves.
    await page.evaluate(`Promise.all(document.getAnimations().map((animation) => animation.finished))`);
    await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
    screenshots.push(await page.screenshot({ clip: slideArea }));
  }
  await page.goto('about:blank');
  return { slideArea, screenshots };
}

/** The slide number's corner, "1 / 5" on screen and "1" in print. */
function slideNumberCorner(slide: { width: number; height: number }): Rectangle {
  return { x: slide.width - 56, y: slide.height - 48, width: 56, height: 48 };
}

/** Compares a presented slide with its printed page, softly, keeping the pictures beside the test's results. */
async function expectPrintedAsPresented(page: Page, testInfo: TestInfo, number: number, presented: Buffer, printed: Buffer, masked: Rectangle): Promise<Difference> {
  const difference = await compare(page, presented, printed, masked, BLOCK);
  const label = `slide ${number}: mean ${difference.mean.toFixed(2)}, worst ${BLOCK} px square ${difference.worstBlock.toFixed(1)} at ${JSON.stringify(difference.worstAt)}, colour shift ${difference.worstShift.toFixed(1)}`;
  // Measured: means of 0.9–3, worst squares of 30–49 (the edges of large bold letters),
  // colour shifts of 20–27; code printed without its highlighting shifts by 79, a background
  // image covering the window rather than the slide differs by a mean of 17.8.
  expect.soft(difference.mean, label).toBeLessThan(MAX_MEAN_DIFFERENCE);
  expect.soft(difference.worstBlock, label).toBeLessThan(MAX_BLOCK_DIFFERENCE);
  expect.soft(difference.worstShift, label).toBeLessThan(MAX_COLOUR_SHIFT);
  // Kept beside the test's results (test-results/), to look at when a comparison fails.
  const pictures = { presented, printed, difference: Buffer.from(difference.picture.split(',')[1] as string, 'base64') };
  for (const [name, body] of Object.entries(pictures)) await writeFile(testInfo.outputPath(`slide-${number}-${name}.png`), body);
  return difference;
}

test.describe('podium export: what the presenter sees is what the PDF shows', () => {
  test('each slide presented in Chromium matches its PDF page pixel for pixel, and not another page', async ({ page }, testInfo) => {
    const pdf = exportPdf(DECK);
    const slide = { width: 960, height: 540 };
    // The slide fills a window of its own size, at scale 1.
    const { slideArea, screenshots } = await presentSlides(page, DECK, slide);
    expect(slideArea).toEqual({ x: 0, y: 0, ...slide });
    expect(screenshots).toHaveLength(6);

    const masked = slideNumberCorner(slide);
    for (const [index, presented] of screenshots.entries()) {
      await expectPrintedAsPresented(page, testInfo, index + 1, presented, renderPdfPage(pdf, index + 1), masked);
    }

    // The comparison tells slides apart: slide 1 as presented is far from page 2 as printed.
    const wrongPage = await compare(page, screenshots[0] as Buffer, renderPdfPage(pdf, 2), masked, BLOCK);
    expect(wrongPage.mean).toBeGreaterThan(4 * MAX_MEAN_DIFFERENCE);
    expect(wrongPage.worstBlock).toBeGreaterThan(2 * MAX_BLOCK_DIFFERENCE);
    expect(wrongPage.worstShift).toBeGreaterThan(2 * MAX_COLOUR_SHIFT);
  });

  test('a slide whose image runs past its bottom edge prints the image cut where the slide ends, as presented', async ({ page }, testInfo) => {
    // `podium check` says so first.
    const checked = runPodium(['check', OVERFLOW_DECK]);
    expect(checked.stdout + checked.stderr).toMatch(/1-overflow\.md:1: error: slide content overflows the 1280×720 slide/);

    const pdf = exportPdf(OVERFLOW_DECK);
    const slide = { width: 1280, height: 720 };
    const { slideArea, screenshots } = await presentSlides(page, OVERFLOW_DECK, slide);
    expect(slideArea).toEqual({ x: 0, y: 0, ...slide });
    await expectPrintedAsPresented(page, testInfo, 1, screenshots[0] as Buffer, renderPdfPage(pdf, 1), slideNumberCorner(slide));
  });
});
