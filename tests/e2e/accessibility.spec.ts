import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CEREMONY_DECK, runPodium } from '../support/podium-cli';
import { openPresenter, openSpeakerView, servePresenting, type PresentingServer } from './present-support';

const AXE_SCRIPT = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's violations of WCAG 2.2 A/AA and its best practices on the page as it is, serious or
 * critical only (the bar), each as one line naming the rule and the elements.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = (await page.evaluate(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }).then((result) => result.violations)`)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * A context whose pages accept the injected axe script: Podium's CSP allows no inline script, and
 * addScriptTag inserts one. Only the test's own script is let through this way.
 */
function axeContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 720 } });
}

test.describe('the ceremony deck, for a screen reader and a keyboard', () => {
  let served: PresentingServer | null = null;
  let work = '';
  test.beforeEach(async () => {
    // A copy: the edit view and the drawings may write to the deck they serve.
    work = await mkdtemp(join(tmpdir(), 'podium-a11y-'));
    await cp(CEREMONY_DECK, join(work, 'slides'), { recursive: true });
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  test('axe finds no serious or critical violation on the present, speaker, edit and --html pages', async ({ browser }) => {
    served = await servePresenting(join(work, 'slides'));
    const context = await axeContext(browser);
    const presenter = await openPresenter(context, served.url);
    expect.soft(await seriousViolations(presenter), 'present').toEqual([]);
    const speaker = await openSpeakerView(presenter);
    expect.soft(await seriousViolations(speaker), 'speaker').toEqual([]);
    const editor = await openPresenter(context, `${served.url}&view=edit`);
    expect.soft(await seriousViolations(editor), 'edit').toEqual([]);
    const copy = join(work, 'html');
    expect(runPodium(['export', join(work, 'slides'), '--html', copy]).status).toBe(0);
    const html = await openPresenter(context, pathToFileURL(join(copy, 'index.html')).href);
    expect.soft(await seriousViolations(html), '--html').toEqual([]);

    // reveal.js hides every slide but the current one from readers: each is checked where it shows.
    const slideCount = Number(await html.evaluate('Reveal.getTotalSlides()'));
    for (let index = 1; index < slideCount; index += 1) {
      // Space is reveal.js's "next": down a vertical stack as well as across.
      await html.keyboard.press('Space');
      await expect.poll(() => html.evaluate('Reveal.getSlidePastCount()')).toBe(index);
      expect.soft(await seriousViolations(html), `--html, slide ${index + 1}`).toEqual([]);
    }
    for (const [name, page] of [['present', presenter], ['speaker', speaker], ['edit', editor], ['--html', html]] as const) {
      expect(await page.evaluate('document.documentElement.lang'), name).toBe('en');
    }
    await context.close();
  });

  test('the presentation gives each slide of the ceremony one h1 or h2', async ({ page }) => {
    served = await servePresenting(join(work, 'slides'));
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const slides = page.locator('.reveal .slides section:not(.stack)');
    const headings = await slides.evaluateAll((sections) => sections.map((section) => section.querySelectorAll('h1, h2').length));
    expect(headings).toEqual(Array.from({ length: 25 }, () => 1));
  });

  test('the --html copy keeps alt text, and alt="" marks a decoration', async ({ page }) => {
    const deck = join(work, 'pictures');
    await mkdir(deck);
    await writeFile(join(deck, 'deck.yaml'), 'lang: fr\n');
    const picture = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="gold"/></svg>\n';
    await writeFile(join(deck, 'disc.svg'), picture);
    await writeFile(join(deck, '1.md'), '## Le disque d’or\n\n![Un disque doré envoyé dans l’espace](disc.svg)\n\n![](disc.svg)\n');
    const copy = join(work, 'pictures-html');
    expect(runPodium(['export', deck, '--html', copy]).status).toBe(0);
    await page.goto(pathToFileURL(join(copy, 'index.html')).href);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    const alts = await page.locator('.reveal .slides img').evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
    expect(alts).toEqual(['Un disque doré envoyé dans l’espace', '']);
    await expect(page.getByRole('img', { name: 'Un disque doré envoyé dans l’espace' })).toBeVisible();
  });

  test("reveal.js's live region reads out the slide moved to", async ({ page }) => {
    served = await servePresenting(join(work, 'slides'));
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const status = page.locator('.reveal > .aria-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    for (const heading of ["Tonight's programme", 'Under The Paris Sky', 'A choir from the garden']) {
      // Down into the vertical stack for the last one: Space is "next", whichever way it goes.
      await page.keyboard.press('Space');
      await expect(page.locator('.reveal .slides section.present:not(.stack) h2')).toHaveText(heading);
      await expect(status).toContainText(heading);
    }
    await page.keyboard.press('ArrowUp');
    await expect(status).toContainText('Under The Paris Sky');
  });
});
