import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

async function open(page: Page, deck: string, hash = '/0'): Promise<void> {
  served = await servePodium(join(FIXTURE_DECKS, deck));
  await page.goto(`${served.url}#${hash}`);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
}

test.describe('reveal.js Markdown in Chromium', () => {
  test('applies .slide attributes, .element fragments and notes', async ({ page }) => {
    await open(page, 'syntax');
    const slide = page.locator('section[data-podium-line="7"]');
    await expect(slide).toHaveClass(/opening/);
    await expect(slide).toHaveAttribute('data-background-color', '#102030');
    const fragments = slide.locator('.fragment');
    await expect(fragments).toHaveCount(2);
    await expect(fragments.nth(0)).not.toHaveClass(/visible/);
    await page.keyboard.press('ArrowRight');
    await expect(fragments.nth(0)).toHaveClass(/visible/);
    await expect(fragments.nth(1)).not.toHaveClass(/visible/);
    await page.keyboard.press('ArrowRight');
    await expect(fragments.nth(1)).toHaveClass(/visible/);
    await expect(slide.locator('aside.notes')).toHaveText('Notes for the first slide.');
  });

  test('uses the deck theme and stylesheet', async ({ page }) => {
    await open(page, 'syntax');
    await expect(page.locator('.deck-css-marker')).toHaveCSS('color', 'rgb(1, 2, 3)');
    // The white theme's background, not the black default.
    await expect(page.locator('.reveal-viewport')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });

  test('loads images and backgrounds relative to the segment file', async ({ page }) => {
    await open(page, 'syntax', '/1');
    const image = page.locator('section.present img[alt="The stage"]');
    await expect(image).toHaveAttribute('src', 'deck/parts/img/stage.svg');
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
    const background = page.locator('.backgrounds .slide-background-content[style*="stage.svg"]');
    await expect(background).toHaveCSS('background-image', /\/deck\/parts\/img\/stage\.svg/);
  });

  test('renders GFM tables and task lists', async ({ page }) => {
    await open(page, 'syntax', '/1/1');
    await expect(page.locator('section.present table td').first()).toHaveText('Lisztomania');
    await expect(page.locator('section.present input[type="checkbox"]')).toHaveCount(2);
  });

  test('highlights code offline with reveal line steps', async ({ page }) => {
    await open(page, 'syntax', '/2');
    // reveal.js turns the steps `1-2|3` into one block per step, later steps as fragments.
    const steps = page.locator('section.present pre code');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toHaveClass(/hljs/);
    await expect(steps.nth(0)).toHaveAttribute('data-line-numbers', '1-2');
    await expect(steps.nth(1)).toHaveAttribute('data-line-numbers', '3');
    await expect(steps.nth(0).locator('.hljs-keyword').first()).toHaveText('const');
    await expect(steps.nth(0).locator('tr.highlight-line')).toHaveCount(2);
    await page.keyboard.press('ArrowRight');
    await expect(steps.nth(1)).toHaveClass(/current-fragment/);
    await expect(steps.nth(1).locator('tr.highlight-line')).toHaveCount(1);
  });

  test('renders math with KaTeX, without the network', async ({ page }) => {
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) external.push(request.url());
    });
    await open(page, 'syntax', '/3');
    await expect(page.locator('section.present .katex')).toHaveCount(2);
    await expect(page.locator('section.present .katex-display')).toHaveCount(1);
    expect(external.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });

  test('prints math rendered by the server: the print page never loads KaTeX', async ({ page }) => {
    // Which chunks the bundler splits off is its own business: a script is KaTeX's when its text is.
    const scripts: Promise<{ path: string; katex: boolean }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.text().then((text) => ({ path: new URL(response.url()).pathname, katex: text.includes('KaTeX parse error') })));
    });
    const deckRequests: string[] = [];
    page.on('request', (request) => request.url().includes('/api/deck') && deckRequests.push(new URL(request.url()).search));
    served = await servePodium(join(FIXTURE_DECKS, 'syntax'));
    await page.goto(`${served.url}&view=print`);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await expect(page.locator('.pdf-page .katex-display')).toHaveCount(1);
    expect(deckRequests).toEqual(['?html']);
    const printed = await Promise.all(scripts);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.filter((script) => script.katex)).toEqual([]);

    // Presenting, the page renders the slides itself, math included.
    scripts.length = 0;
    await page.goto(`${served.url}#/3`);
    await expect(page.locator('section.present .katex-display')).toHaveCount(1);
    expect((await Promise.all(scripts)).filter((script) => script.katex)).toHaveLength(1);
  });

  test('a PDF\'s print page shows its slides only in print once laid out; a PNG\'s keeps them on screen', async ({ page }) => {
    served = await servePodium(join(FIXTURE_DECKS, 'ordered'));
    await page.goto(`${served.url}&view=print&for=pdf`);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    // Laid out and centred by reveal.js on screen first: each slide has its measured top.
    const tops = await page.locator('.pdf-page > section').evaluateAll((sections) => sections.map((section) => (section as unknown as { style: { top: string } }).style.top));
    expect(tops.length).toBeGreaterThan(1);
    for (const top of tops) expect(top).toMatch(/^\d+(\.\d+)?px$/);
    await expect(page.locator('.reveal .slides')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.reveal .slides')).toBeVisible();
    await expect(page.locator('.pdf-page').first()).toBeVisible();

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${served.url}&view=print`);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await expect(page.locator('.pdf-page').first()).toBeVisible();
  });

  for (const [source, stylesheet] of [
    ['data-background-image', null],
    ["the deck's stylesheet", '.reveal .slide-background { background-image: url("late.svg"); }'],
  ] as const) {
    test(`a PDF's print page is ready only once its slides' background images loaded (${source})`, async ({ page }) => {
      const dir = mkdtempSync(join(tmpdir(), 'podium-late-background-'));
      try {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#c03"/></svg>';
        writeFileSync(join(dir, 'late.svg'), svg);
        const slide = stylesheet ? '# Styled' : '<!-- .slide: data-background-image="late.svg" -->\n\n# Pictured';
        writeFileSync(join(dir, 'deck.md'), `# First\n\n---\n\n${slide}\n`);
        if (stylesheet) {
          writeFileSync(join(dir, 'css.css'), stylesheet);
          writeFileSync(join(dir, 'deck.yaml'), 'css: css.css\n');
        }
        served = await servePodium(dir);
        let release = (): void => undefined;
        const released = new Promise<void>((resolve) => (release = resolve));
        let asked = (): void => undefined;
        const requested = new Promise<void>((resolve) => (asked = resolve));
        await page.route('**/late.svg', async (route) => {
          asked();
          await released;
          await route.continue();
        });
        await page.goto(`${served.url}&view=print&for=pdf`);
        await requested;
        // The page has laid the deck out (it sets window.Reveal just before its last wait for
        // content) and its fonts are ready; a task queued after that runs only once everything but
        // the held image has run: the page would be ready by then if it did not wait for the image.
        await page.waitForFunction("'Reveal' in window");
        await page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => setTimeout(resolve)))');
        await expect(page.locator('html[data-podium-ready]')).toHaveCount(0);
        release();
        await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('runs nothing and reaches nothing outside the deck from a hostile deck, and presents the rest', async ({ page }) => {
    // A request to the web may be attempted; the CSP stops it before it leaves (no response comes).
    const outside: string[] = [];
    const isOutside = (url: string): boolean => !url.startsWith('http://127.0.0.1') && !url.startsWith('data:');
    page.on('response', (response) => isOutside(response.url()) && outside.push(response.url()));

    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.addInitScript(`window.__podiumCspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__podiumCspViolations.push(event.blockedURI));`);
    await open(page, 'hostile-html');
    await expect(page.locator('#still-here')).toBeVisible();
    for (const [index, hash] of ['/1', '/2'].entries()) {
      await page.evaluate(`location.hash = '${hash}'`);
      await expect.poll(() => page.evaluate('window.Reveal.getIndices().h')).toBe(index + 1);
    }
    await expect(page.locator('section.present')).toContainText('Still presented.');
    expect(await page.evaluate('window.__podiumPwned ?? null')).toBeNull();
    await expect(page.locator('.reveal script, .reveal iframe, .reveal object, .reveal embed, .reveal meta, .reveal base')).toHaveCount(0);
    await expect(page.locator('.reveal [onerror], .reveal [onload]')).toHaveCount(0);
    const href = await page.locator('#js-link').getAttribute('href');
    expect(href ?? '').not.toMatch(/^javascript:/i);
    // Paths out of the deck are emptied before they reach the page, or stay below deck/ (Markdown
    // reads `..\\` as an escaped dot): the browser never asks for anything outside the deck.
    const origin = new URL(served?.url ?? 'http://x').origin;
    for (const alt of ['plain', 'encoded', 'double', 'absolute', 'windows']) {
      const src = await page.locator(`img[alt="${alt}"]`).getAttribute('src');
      if (src !== '') expect(new URL(src ?? '', `${origin}/`).pathname, alt).toMatch(/^\/deck\/[^/]/);
    }
    expect(outside).toEqual([]);
    expect(dialogs).toBe(0);
    // The one remote image is blocked by the CSP, and the page reports it.
    expect(await page.evaluate('window.__podiumCspViolations')).toContain('https://example.com/tracker.png');
    expect(page.url()).toContain('127.0.0.1');
  });

  test('keeps HTML that breaks out of its slide inside that slide', async ({ page }) => {
    // Slides are sanitized together in one call; these three would spill into the slides after
    // them there (slide-elements.ts), so each must still show only its own content.
    const dir = mkdtempSync(join(tmpdir(), 'podium-breakout-'));
    try {
      const slides = [
        '# One\n\nclosed too early</div></section> here',
        '# Two\n\n<textarea>never closed',
        '# Three\n\nthird text',
        '# Four\n\n<!-- a comment never closed',
        '# Five\n\nlast text',
      ];
      writeFileSync(join(dir, 'deck.md'), slides.join('\n\n---\n\n'));
      served = await servePodium(join(dir, 'deck.md'));
      await page.goto(`${served.url}#/0`);
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      const sections = page.locator('.reveal .slides > section');
      await expect(sections).toHaveCount(5);
      for (const [index, heading] of ['One', 'Two', 'Three', 'Four', 'Five'].entries()) {
        await expect(sections.nth(index).locator('h1')).toHaveText(heading);
      }
      await expect(sections.nth(0)).toContainText('here');
      await expect(sections.nth(1).locator('textarea')).toHaveValue(/^never closed\s*$/);
      await expect(sections.nth(2)).toContainText('third text');
      await expect(sections.nth(4)).toContainText('last text');
      await expect(page.locator('.reveal textarea')).toHaveCount(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
