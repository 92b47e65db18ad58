import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runPodium, servePodium, type ServeProcess } from '../support/podium-cli';

/**
 * reveal.js's themes by name, a deck's own theme, and reveal.js's zoom and search plugins on
 * request, each as a reveal.js or reveal-md user writes them. The themes are read from the files
 * reveal.js ships, not from a list of ours.
 */
const REVEAL_THEME_DIR = join(dirname(createRequire(import.meta.url).resolve('reveal.js/theme/black.css')));
const THEMES = ['black', 'white', 'league', 'beige', 'night', 'serif', 'simple', 'solarized', 'moon', 'dracula', 'sky', 'blood'];

let deck = '';
let served: ServeProcess | null = null;

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-themes-'));
  await writeFile(join(deck, '01-talk.md'), '# Themes\n\n---\n\n## Plugins\n\n---\n\n## Where Lisztomania plays\n');
});
test.afterEach(async () => {
  await served?.stop();
  served = null;
  await rm(deck, { recursive: true, force: true });
});

async function open(page: Page): Promise<void> {
  served = await servePodium(deck);
  await page.goto(served.url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
}

const themeVariable = (page: Page, name: string): Promise<string> =>
  page.evaluate(`getComputedStyle(document.documentElement).getPropertyValue(${JSON.stringify(name)}).trim()`) as Promise<string>;

/** A custom property as the theme file sets it. */
function declared(css: string, name: string): string {
  const match = new RegExp(`${name}:\\s*([^;}]+)`).exec(css);
  if (!match?.[1]) throw new Error(`${name} not in the theme`);
  return match[1].trim();
}

test('each theme reveal.js 6 ships, by name in deck.yaml, gives the colours and fonts of its file, changed live', async ({ page }) => {
  test.setTimeout(120_000);
  await writeFile(join(deck, 'deck.yaml'), 'theme: black\n');
  await open(page);
  for (const theme of THEMES) {
    const css = await readFile(join(REVEAL_THEME_DIR, `${theme}.css`), 'utf8');
    await writeFile(join(deck, 'deck.yaml'), `theme: ${theme}\n`);
    await expect.poll(() => themeVariable(page, '--r-background-color'), { message: theme }).toBe(declared(css, '--r-background-color'));
    expect(await themeVariable(page, '--r-main-font'), theme).toBe(declared(css, '--r-main-font'));
    expect(await themeVariable(page, '--r-heading-color'), theme).toBe(declared(css, '--r-heading-color'));
  }
});

test("a deck's own theme (`theme: file.css`, as reveal-md takes it) replaces the named one", async ({ page }) => {
  await mkdir(join(deck, 'style'));
  await writeFile(
    join(deck, 'style', 'house.css'),
    ':root { --r-background-color: #123456; --r-main-color: #fedcba; }\n.reveal-viewport { background: var(--r-background-color); }\n.reveal { color: var(--r-main-color); }\n',
  );
  await writeFile(join(deck, 'deck.yaml'), 'theme: style/house.css\n');
  await open(page);
  await expect(page.locator('.reveal-viewport')).toHaveCSS('background-color', 'rgb(18, 52, 86)');
  await expect(page.locator('.reveal')).toHaveCSS('color', 'rgb(254, 220, 186)');
  // No reveal.js theme under it: the black theme's font is not there.
  expect(await themeVariable(page, '--r-main-font')).toBe('');
});

test('an unknown theme or plugin is named with its file and line', async () => {
  await writeFile(join(deck, 'deck.yaml'), 'title: Typos\ntheme: midnight\nplugins:\n  - zoom\n  - menu\n');
  const result = runPodium(['check', deck]);
  const output = result.stdout + result.stderr;
  expect(output).toContain('deck.yaml:2: error: unknown theme "midnight": use one of beige, black');
  expect(output).toContain("or a .css file of the deck's own");
  expect(output).toContain('deck.yaml:5: warning: unknown plugin "menu": Podium bundles zoom and search');
});

test('reveal.js zoom and search, when deck.yaml asks for them, and not otherwise', async ({ page }) => {
  await open(page);
  expect(await page.evaluate('[window.Reveal.hasPlugin("zoom"), window.Reveal.hasPlugin("search")]')).toEqual([false, false]);
  await served?.stop();

  await writeFile(join(deck, 'deck.yaml'), 'plugins: [zoom, search]\n');
  await open(page);
  expect(await page.evaluate('[window.Reveal.hasPlugin("zoom"), window.Reveal.hasPlugin("search")]')).toEqual([true, true]);

  // Search: Ctrl+Shift+F, a word, Enter: the slide that holds it, the word marked.
  await page.keyboard.press('Control+Shift+F');
  const input = page.locator('.reveal .searchbox input.searchinput');
  await expect(input).toBeVisible();
  await input.fill('lisztomania');
  await input.press('Enter');
  await expect(page.locator('.reveal .slides section.present h2')).toHaveText('Where Lisztomania plays');
  await expect(page.locator('.reveal .slides section.present h2 em')).toHaveText('Lisztomania');
  await page.keyboard.press('Control+Shift+F');
  await expect(input).toBeHidden();

  // Zoom: reveal.js's modifier (Ctrl on Linux, Alt elsewhere) and a click zoom in; Escape zooms out.
  const modifier = (await page.evaluate('/Linux/.test(navigator.platform)')) ? 'Control' : 'Alt';
  await page.locator('.reveal .slides section.present h2').click({ modifiers: [modifier] });
  await expect(page.locator('html')).toHaveClass(/\bzoomed\b/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/\bzoomed\b/);
});

test('zoom and search dropped from deck.yaml stop at once, and come back when asked for again, without a reload', async ({ page }) => {
  await writeFile(join(deck, 'deck.yaml'), 'plugins: [zoom, search]\n');
  await open(page);
  // A reload would lose this mark: the same page must take every change.
  await page.evaluate('window.podiumSamePage = true');
  const modifier = (await page.evaluate('/Linux/.test(navigator.platform)')) ? 'Control' : 'Alt';
  const heading = page.locator('.reveal .slides section.present h1');
  const input = page.locator('.reveal .searchbox input.searchinput');
  // Opened, then closed by the removal: a search box left open would stay on the slide.
  await page.keyboard.press('Control+Shift+F');
  await expect(input).toBeVisible();
  await page.locator('.reveal').click();

  await writeFile(join(deck, 'deck.yaml'), 'title: No plugins\nplugins: []\n');
  await expect(page).toHaveTitle(/No plugins/);
  await expect(input).toBeHidden();
  await heading.click({ modifiers: [modifier] });
  await page.keyboard.press('Control+Shift+F');
  // Both had their chance: the press went through the document, the click through the deck.
  await expect.poll(() => page.evaluate('document.activeElement?.className ?? ""')).not.toBe('searchinput');
  await expect(page.locator('html')).not.toHaveClass(/\bzoomed\b/);
  await expect(input).toBeHidden();

  await writeFile(join(deck, 'deck.yaml'), 'title: Plugins again\nplugins: [zoom, search]\n');
  await expect(page).toHaveTitle(/Plugins again/);
  await page.keyboard.press('Control+Shift+F');
  await expect(input).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  await expect(input).toBeHidden();
  await heading.click({ modifiers: [modifier] });
  await expect(page.locator('html')).toHaveClass(/\bzoomed\b/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/\bzoomed\b/);
  expect(await page.evaluate('window.podiumSamePage')).toBe(true);
});
