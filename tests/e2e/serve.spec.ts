import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CEREMONY_DECK, FIXTURE_DECKS, inspectDeck, servePodium, type ServeProcess } from '../support/podium-cli';

interface RevealOnPage {
  Reveal: { getTotalSlides(): number; getIndices(): { h: number; v: number }; isReady(): boolean };
}
const reveal = <T>(page: Page, read: (deck: RevealOnPage['Reveal']) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.Reveal)`) as Promise<T>;

test.describe('podium serve', () => {
  let served: ServeProcess | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test('presents the ceremony deck with as many slides as the model has', async ({ page }) => {
    const model = inspectDeck(CEREMONY_DECK);
    served = await servePodium(CEREMONY_DECK);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    expect(await reveal(page, (deck) => deck.isReady())).toBe(true);
    expect(await reveal(page, (deck) => deck.getTotalSlides())).toBe(model.slides.length);
    await expect(page).toHaveTitle(model.title);
    expect(errors).toEqual([]);
  });

  test('navigates with reveal.js hashes (#/h/v)', async ({ page }) => {
    const model = inspectDeck(CEREMONY_DECK);
    served = await servePodium(CEREMONY_DECK);
    const target = model.slides[3];
    if (!target?.title) throw new Error('the ceremony deck needs a titled fourth slide');
    await page.goto(`${served.url}#/${target.h}/${target.v}`);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    expect(await reveal(page, (deck) => deck.getIndices())).toMatchObject({ h: target.h, v: target.v });
    await expect(page.locator('.reveal .slides section.present').first()).toContainText(target.title);
  });

  test('loads an image from the deck folder', async ({ page }) => {
    served = await servePodium(join(FIXTURE_DECKS, 'with-image'));
    await page.goto(served.url);
    const image = page.locator('.reveal img[alt="A blue square"]');
    await expect(image).toHaveAttribute('src', 'deck/images/square.svg');
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(200);
  });

  test('shows a segment with broken front matter as an error slide naming file and line, and the rest of the deck', async ({ page }) => {
    const model = inspectDeck(join(FIXTURE_DECKS, 'broken-front-matter'));
    const problem = model.problems.find((candidate) => candidate.code === 'bad-front-matter');
    served = await servePodium(join(FIXTURE_DECKS, 'broken-front-matter'));
    await page.goto(`${served.url}#/1`);
    const errorSlide = page.locator('section.podium-error-slide');
    await expect(errorSlide).toContainText(`2-bad.md, line ${problem?.line}`);
    await expect(errorSlide).toContainText('invalid front matter');
    expect(await reveal(page, (deck) => deck.getTotalSlides())).toBe(3);
    await expect(page.locator('.reveal .slides')).toContainText('Last good slide');
  });

  test('an error slide says how to mend it, and mending the file on disk replaces it with the slide', async ({ page }) => {
    const work = await mkdtemp(join(tmpdir(), 'podium-mend-'));
    try {
      await cp(join(FIXTURE_DECKS, 'broken-front-matter'), work, { recursive: true });
      served = await servePodium(work);
      await page.goto(`${served.url}#/1`);
      const errorSlide = page.locator('section.podium-error-slide');
      await expect(errorSlide).toContainText('Fix the file and save it: this slide updates.');
      await writeFile(join(work, '2-bad.md'), '---\ntitle: Broken\nperformers: [mended]\nduration: 3\n---\n\n# Never shown\n');
      await expect(errorSlide).toHaveCount(0);
      await expect(page.locator('.reveal .slides section.present')).toContainText('Never shown');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('live-reloads a changed segment and stays on the slide it showed', async ({ page }) => {
    const work = await mkdtemp(join(tmpdir(), 'podium-live-'));
    try {
      await cp(CEREMONY_DECK, work, { recursive: true });
      served = await servePodium(work);
      await page.goto(`${served.url}#/5`);
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      // A slide added before the current one shifts it; the page stays on the same index.
      const segment = join(work, '09-thank-you-paris.md');
      const before = await readFile(segment, 'utf8');
      await writeFile(segment, `${before}\n---\n\n# Edited on disk\n`);
      await expect(page.locator('.reveal .slides')).toContainText('Edited on disk');
      expect(await reveal(page, (deck) => deck.getIndices().h)).toBe(5);
      expect(page.url()).toContain('#/5');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('highlights the first code block a deck gains while it is presented', async ({ page }) => {
    const work = await mkdtemp(join(tmpdir(), 'podium-live-code-'));
    try {
      const deck = join(work, 'talk.md');
      await writeFile(deck, '# No code yet\n\n---\n\n## Later\n');
      served = await servePodium(deck);
      await page.goto(served.url);
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      await writeFile(deck, '# No code yet\n\n```js\nconst flame = 1;\n```\n\n---\n\n## Later\n');
      await expect(page.locator('.reveal pre code .hljs-keyword').first()).toHaveText('const');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  test('refuses the page without the token', async ({ page }) => {
    served = await servePodium(CEREMONY_DECK);
    const response = await page.goto(served.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
  });
});
