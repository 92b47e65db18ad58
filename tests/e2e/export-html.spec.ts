import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { FIXTURE_DECKS, inspectDeck, runPodium } from '../support/podium-cli';
import { expectAllAt } from './present-support';

// Two segments: "Basics" (a slide with two fragments and a background colour, a slide with a
// background image and that image inline, a vertical slide with a table) and "Code" (highlighted
// code, then KaTeX math); theme "white" and a stylesheet of the deck's own (theme.css).
const DECK = join(FIXTURE_DECKS, 'syntax');

/** What a page did that a static copy must never do: requests off file://, errors, CSP refusals. */
interface PageWatch {
  requests: string[];
  errors: string[];
}

async function watchContext(context: BrowserContext): Promise<PageWatch> {
  const watch: PageWatch = { requests: [], errors: [] };
  context.on('request', (request) => watch.requests.push(request.url()));
  context.on('page', (page) => watchPage(page, watch));
  // A CSP refusal is also a console error in Chromium; this catches the ones that are not logged.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))`);
  return watch;
}

function watchPage(page: Page, watch: PageWatch): void {
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`${page.url()}: ${error.message}`));
}

/** Opens index.html as a double-click does: a file:// URL, no server anywhere. */
async function openCopy(context: BrowserContext, folder: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
  return page;
}

test.describe('podium export --html', () => {
  let work = '';
  let copy = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-html-'));
    copy = join(work, 'talk');
    const result = runPodium(['export', DECK, '--html', copy]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(copy);
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('presents from file://: every slide, its image, code and math, with nothing off file:// and no error', async ({ browser }) => {
    const model = inspectDeck(DECK);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const watch = await watchContext(context);
    const page = await openCopy(context, copy);

    await expect(page).toHaveTitle('Every piece of syntax');
    await expect(page.locator('.reveal .slides section:not(.stack)')).toHaveCount(model.slides.length);
    // The image, inline and as a background, comes from the copy's own deck/ folder.
    const image = page.locator('.reveal img[alt="The stage"]');
    await expect(image).toHaveAttribute('src', 'deck/parts/img/stage.svg');
    expect(await image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    // The deck's stylesheet and theme apply.
    await expect(page.locator('.deck-css-marker')).toHaveCSS('color', 'rgb(1, 2, 3)');
    await page.screenshot({ path: test.info().outputPath('cover.png'), animations: 'disabled' });

    // Navigable with the keys: two fragments, then the next slide.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/1$/);
    await expect(page.locator('.reveal .slides section.present:not(.stack) > h2')).toHaveText('A relative image');

    // The code slide: highlighted offline.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.reveal .slides section.present:not(.stack) > h1')).toHaveText('Code');
    await expect(page.locator('.reveal .slides > section.present pre code.hljs .hljs-keyword').first()).toHaveText('const');

    // The math slide: KaTeX's markup, in KaTeX's own fonts, loaded from the copy.
    await page.evaluate('Reveal.slide(3)');
    await expect(page.locator('.reveal .slides > section.present .katex-display')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('math.png'), animations: 'disabled' });
    const katexFonts = (await page.evaluate(`document.fonts.ready.then((fonts) =>
      [...fonts].filter((font) => font.family.replace(/"/g, '').startsWith('KaTeX') && font.status === 'loaded').length)`)) as number;
    expect(katexFonts).toBeGreaterThan(0);

    expect(watch.requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('opens the speaker view with S; it follows the presentation and drives it, and offers no rehearsal to save', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const watch = await watchContext(context);
    const presenter = await openCopy(context, copy);
    const [speaker] = await Promise.all([presenter.waitForEvent('popup'), presenter.keyboard.press('s')]);
    await expect(speaker.locator('.podium-speaker[data-h]')).toBeAttached();
    expect(speaker.url()).toMatch(/^file:.*\/index\.html\?view=speaker/);
    await expect(speaker.locator('.speaker-notes-text')).toHaveText('Notes for the first slide.');

    // The presentation moves; the speaker view follows, fragment by fragment and to the next slide.
    await presenter.keyboard.press('ArrowRight');
    await expectAllAt({ h: 0, v: 0, f: 0 }, [presenter], [speaker]);
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await expectAllAt({ h: 1, v: 0, f: -1 }, [presenter], [speaker]);
    await expect(speaker.locator('.speaker-notes-text')).toHaveText('Image notes.');
    await expect(speaker.locator('.speaker-position')).toHaveText('2 / 5');

    // The speaker view drives the presentation the other way.
    await speaker.keyboard.press('ArrowRight');
    await expectAllAt({ h: 1, v: 1, f: -1 }, [presenter], [speaker]);

    // The presentation reloaded mid-talk (F5) finds its speaker view again and leads it on.
    // (reveal.js writes the slide into the URL at most once a second: the reload waits for it.)
    await expect(presenter).toHaveURL(/#\/1\/1$/);
    await presenter.reload();
    await expect(presenter.locator('html[data-podium-ready]')).toBeAttached();
    await presenter.keyboard.press('ArrowRight');
    await expectAllAt({ h: 2, v: 0, f: -1 }, [presenter], [speaker]);
    await speaker.keyboard.press('ArrowLeft');
    await expectAllAt({ h: 1, v: 1, f: -1 }, [presenter], [speaker]);

    // Saving a rehearsal needs a host: the static copy shows no button for it.
    await expect(speaker.locator('.speaker-pause')).toBeVisible();
    await expect(speaker.locator('.speaker-rehearse')).toBeHidden();
    await speaker.setViewportSize({ width: 1280, height: 800 });
    await speaker.screenshot({ path: test.info().outputPath('speaker.png'), animations: 'disabled' });

    expect(watch.requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  test('replaces an earlier export, and refuses a folder that is not one, writing nothing', async () => {
    expect(runPodium(['export', DECK, '--html', copy]).status).toBe(0);
    const result = runPodium(['export', DECK, '--html', work]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not empty and is not an earlier Podium HTML export; no HTML export written/);
    expect(existsSync(join(work, 'index.html'))).toBe(false);
  });

  test('says which options are for printed pages only: the copy is the whole deck as it presents', async () => {
    const output = join(work, 'ranged');
    const result = runPodium(['export', DECK, '--html', output, '--range', '1-2', '--fragments']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--range, --fragments: for --pdf and --png; --html copies the whole deck as it presents');
    expect(existsSync(output)).toBe(false);
  });

  test('refuses a deck with a missing image, naming file and line, unless --allow-missing', async () => {
    const missingDeck = join(FIXTURE_DECKS, 'export-missing-image');
    const output = join(work, 'missing');
    const refused = runPodium(['export', missingDeck, '--html', output]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/1-pictures\.md:\d+: error: image ".*" not found/);
    expect(existsSync(output)).toBe(false);
    expect(runPodium(['export', missingDeck, '--html', output, '--allow-missing']).status).toBe(0);
    expect(existsSync(join(output, 'index.html'))).toBe(true);
  });
});
