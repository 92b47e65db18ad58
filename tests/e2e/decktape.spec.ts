import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { findBrowser } from '../../src/node/browser/find-browser';
import { servePodium, type ServeProcess } from '../support/podium-cli';

/**
 * decktape, the tool most people print reveal.js decks with, run as they run it on `podium serve`'s
 * URLs. It waits for Puppeteer's `networkidle0` (500 ms with no request open), which a page holding
 * its live-reload stream open from the start never reaches. decktape is a dev dependency installed
 * without Puppeteer's browser (.puppeteerrc.cjs); it drives the Chromium Podium finds.
 */
const run = promisify(execFile);
const DECKTAPE = fileURLToPath(import.meta.resolve('decktape/decktape.js'));

// Four slides as reveal.js counts them (a vertical stack of two among them), and two fragments.
const DECK = `# Opening slide

---

## Three steps

<p class="fragment">First step</p>
<p class="fragment">Second step</p>

---

## Stack top

--

## Stack below

`;

let base: string;
let served: ServeProcess;

test.beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-decktape-'));
  await writeFile(join(base, 'talk.md'), DECK);
  served = await servePodium(base);
});

test.afterAll(async () => {
  await served.stop();
  await rm(base, { recursive: true, force: true });
});

async function decktape(url: string, pdf: string, extra: string[] = []): Promise<void> {
  const chromeArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'];
  await run(
    process.execPath,
    [
      DECKTAPE,
      'reveal',
      '--chrome-path',
      findBrowser(),
      ...chromeArgs.map((arg) => `--chrome-arg=${arg}`),
      '--size',
      '1280x720',
      ...extra,
      url,
      pdf,
    ],
    { timeout: 120_000 },
  );
}

/** Each page's text, lower-cased (the theme upper-cases headings), with reveal.js's slide number. */
function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim().toLowerCase());
}

const SLIDE_PAGES = ['opening slide 1 / 4', 'three steps first step second step 2 / 4', 'stack top 3 / 4', 'stack below 4 / 4'];
const FRAGMENT_PAGES = [
  'opening slide 1 / 4',
  'three steps 2 / 4',
  'three steps first step 2 / 4',
  'three steps first step second step 2 / 4',
  'stack top 3 / 4',
  'stack below 4 / 4',
];

async function openAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
}

const indices = (page: Page): Promise<unknown> => page.evaluate('(({ h, v }) => ({ h, v }))(window.Reveal.getIndices())');

test('decktape prints the presenter URL one page a slide, and with --fragments one page a fragment step, moving no follower', async ({ page }) => {
  test.setTimeout(240_000);
  // An audience screen open while the deck is printed: decktape's steps are not the talk's.
  await openAt(page, served.followUrl);
  const slides = join(base, 'presenter-slides.pdf');
  await decktape(served.url, slides);
  expect(execFileSync('pdfinfo', [slides], { encoding: 'utf8' })).toMatch(/^Pages:\s+4$/m);
  expect(pageTexts(slides)).toEqual(SLIDE_PAGES);

  const steps = join(base, 'presenter-fragments.pdf');
  await decktape(served.url, steps, ['--fragments']);
  expect(pageTexts(steps)).toEqual(FRAGMENT_PAGES);
  expect(await indices(page)).toEqual({ h: 0, v: 0 });
});

test('decktape prints the follower URL from its first slide while the presenter is on the third, and moves nobody', async ({ browser }) => {
  test.setTimeout(240_000);
  const presenter = await browser.newPage();
  const follower = await browser.newPage();
  await openAt(presenter, served.url);
  await openAt(follower, served.followUrl);
  // Slide 2, its two fragments, slide 3.
  for (let step = 0; step < 4; step++) await presenter.keyboard.press('ArrowRight');
  await expect.poll(() => indices(presenter)).toEqual({ h: 2, v: 0 });
  await expect.poll(() => indices(follower)).toEqual({ h: 2, v: 0 });

  const slides = join(base, 'follower-slides.pdf');
  await decktape(served.followUrl, slides);
  expect(pageTexts(slides)).toEqual(SLIDE_PAGES);
  const steps = join(base, 'follower-fragments.pdf');
  await decktape(served.followUrl, steps, ['--fragments']);
  expect(pageTexts(steps)).toEqual(FRAGMENT_PAGES);

  expect(await indices(presenter)).toEqual({ h: 2, v: 0 });
  expect(await indices(follower)).toEqual({ h: 2, v: 0 });
  // The talk still goes on: the follower keeps following.
  await presenter.keyboard.press('ArrowDown');
  await expect.poll(() => indices(follower)).toEqual({ h: 2, v: 1 });
  await presenter.close();
  await follower.close();
});
