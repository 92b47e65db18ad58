import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';
import { axeContext, seriousViolations } from './axe-support';

// The welcome window is the app's (window.podiumWelcome comes from its preload; the main side is
// tests/main/welcome-ipc.test.ts). Here the page itself runs in Chromium, from serve mode's copy of
// the renderer, with the preload's contract answered by the script below: what the person sees,
// and where the window goes once a deck is open.
let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-welcome-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

/**
 * Opens the welcome view with `answers`: what each WelcomeApi call resolves to, or an error to
 * throw; with `drops`, the window also has the preload's way to open a dropped deck.
 */
async function openWelcome(page: Page, answers: Record<string, unknown>, { drops = false } = {}): Promise<void> {
  // Calls are kept in sessionStorage: they must outlive the page, which leaves once a deck is open.
  await page.addInitScript(`{
    const given = ${JSON.stringify(answers)};
    const answer = (name) => async (...args) => {
      const calls = JSON.parse(sessionStorage.getItem('welcomeCalls') ?? '[]');
      sessionStorage.setItem('welcomeCalls', JSON.stringify([...calls, [name, ...args]]));
      const value = given[name];
      if (typeof value === 'object' && value !== null && 'error' in value) throw new Error(value.error);
      return value;
    };
    window.podiumWelcome = {
      recentDecks: answer('recentDecks'),
      openRecent: answer('openRecent'),
      openFolder: answer('openFolder'),
      newDeck: answer('newDeck'),
      openSample: answer('openSample'),
    };
    if (${drops}) window.podiumDrop = { openDroppedDeck: answer('openDroppedDeck') };
  }`);
  const url = new URL(served?.url ?? '');
  url.searchParams.set('view', 'welcome');
  await page.goto(url.href);
}

const calls = async (page: Page): Promise<unknown[][]> =>
  JSON.parse(String(await page.evaluate("sessionStorage.getItem('welcomeCalls') ?? '[]'"))) as unknown[][];

test.describe('the welcome window', () => {
  test('offers a new deck, a folder, the sample and the recent decks, the first choice focused', async ({ page }) => {
    await openWelcome(page, {
      recentDecks: [
        { path: '/home/ana/talks/launch', title: 'Product launch' },
        { path: '/home/ana/talks/ceremony', title: 'Paris 2024 closing ceremony' },
      ],
    });
    await expect(page.getByRole('heading', { name: 'Podium', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /New Deck…/ })).toBeFocused();
    await expect(page.getByRole('button', { name: /Open Folder…/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Sample Deck/ })).toBeVisible();
    const recent = page.getByRole('region', { name: 'Recent Decks' }).getByRole('listitem');
    await expect(recent).toHaveText([/Product launch\s*\/home\/ana\/talks\/launch/, /Paris 2024 closing ceremony/]);
    // Without the preload's drop API (serve mode has none), no drop is promised.
    await expect(page.getByText(/drop a deck folder/)).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('welcome.png') });
  });

  test('says so when there are no recent decks', async ({ page }) => {
    await openWelcome(page, { recentDecks: [] });
    await expect(page.getByText('Decks you open appear here.')).toBeVisible();
  });

  test('stays, ready for another choice, when a dialog is cancelled', async ({ page }) => {
    await openWelcome(page, { recentDecks: [], openFolder: false });
    await page.getByRole('button', { name: /Open Folder…/ }).click();
    await expect.poll(() => calls(page)).toContainEqual(['openFolder']);
    await expect(page.getByRole('button', { name: /Open Folder…/ })).toBeEnabled();
    expect(new URL(page.url()).searchParams.get('view')).toBe('welcome');
  });

  test('shows why a deck cannot be opened, in an alert', async ({ page }) => {
    await openWelcome(page, { recentDecks: [], openSample: { error: 'deck not found: /opt/Podium/slides' } });
    await page.getByRole('button', { name: /Sample Deck/ }).click();
    await expect(page.getByRole('alert')).toHaveText('deck not found: /opt/Podium/slides');
    await expect(page.getByRole('button', { name: /Sample Deck/ })).toBeEnabled();
  });

  test('shows the deck once a recent one is open', async ({ page }) => {
    await openWelcome(page, { recentDecks: [{ path: deck, title: 'Basic' }], openRecent: true });
    await page.getByRole('button', { name: /Basic/ }).click();
    await expect(page.locator('.reveal .slides > section').first()).toBeVisible();
    expect(await calls(page)).toContainEqual(['openRecent', deck]);
    expect(new URL(page.url()).searchParams.has('view')).toBe(false);
  });

  test('opens a new deck in the edit view', async ({ page }) => {
    await openWelcome(page, { recentDecks: [], newDeck: true });
    await page.getByRole('button', { name: /New Deck…/ }).click();
    await expect(page).toHaveURL(/[?&]view=edit/);
  });

  test('at 1280x720, long paths stay on one line with the deck folder name whole, the whole path in the tooltip, nothing to scroll', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const long = '/home/ana/Documents/clients/northwind/conferences/2026/spring/keynotes/quarterly-review-2026';
    await openWelcome(page, {
      recentDecks: [
        { path: long, title: 'Quarterly review' },
        ...['launch', 'ceremony', 'onboarding', 'retro'].map((name) => ({ path: `/home/ana/talks/${name}`, title: name })),
      ],
    });
    const button = page.getByRole('button', { name: /Quarterly review/ });
    await expect(button).toHaveAttribute('title', long);
    // A string, not a function: this file is type-checked without the DOM's types.
    const layout = (await page.evaluate(`(() => {
      const button = [...document.querySelectorAll('.podium-welcome-action')].find((candidate) => candidate.title === ${JSON.stringify(long)});
      const path = button.querySelector('.podium-welcome-path');
      const name = button.querySelector('.podium-welcome-path-name');
      const box = (element) => element.getBoundingClientRect();
      return {
        lineHeight: parseFloat(getComputedStyle(path).lineHeight),
        pathHeight: box(path).height,
        nameShown: name.textContent,
        nameInside: box(name).left >= box(button).left && box(name).right <= box(button).right,
        pageScrolls: document.scrollingElement.scrollHeight > innerHeight || document.scrollingElement.scrollWidth > innerWidth,
      };
    })()`)) as Record<string, unknown>;
    expect(layout).toMatchObject({ nameShown: 'quarterly-review-2026', nameInside: true, pageScrolls: false });
    expect(layout.pathHeight as number).toBeLessThanOrEqual((layout.lineHeight as number) + 1);
  });

  test('rings the button the keyboard is on, and a hovered one is not ringed', async ({ page }) => {
    await openWelcome(page, { recentDecks: [{ path: '/home/ana/talks/launch', title: 'Product launch' }] });
    // A string, not a function: this file is type-checked without the DOM's types.
    const ring = (name: string) =>
      page.evaluate(`(() => {
        const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent.includes(${JSON.stringify(name)}));
        const style = getComputedStyle(button);
        return style.outlineStyle + ' ' + style.outlineWidth;
      })()`);
    await expect(page.getByRole('button', { name: /New Deck…/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /Product launch/ })).toBeFocused();
    expect(await ring('Product launch')).toBe('solid 2px');
    await page.getByRole('button', { name: /Sample Deck/ }).hover();
    expect(await ring('Sample Deck')).toMatch(/^none /);
  });

  test('in the app, says a deck can be dropped on the window, and lights that up while files are dragged over it', async ({ page }) => {
    await openWelcome(page, { recentDecks: [] }, { drops: true });
    const hint = page.getByText('Or drop a deck folder or a .md file on this window to open it.');
    await expect(hint).toBeVisible();
    const drag = (type: string) =>
      page.evaluate(`(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['# Talk'], 'talk.md', { type: 'text/markdown' }));
        document.querySelector('.podium-welcome-drop').dispatchEvent(new DragEvent(${JSON.stringify(type)}, { dataTransfer: transfer, bubbles: true }));
      })()`);
    await drag('dragenter');
    await expect(page.locator('main.podium-welcome')).toHaveClass(/\bdragging\b/);
    await drag('dragleave');
    await expect(page.locator('main.podium-welcome')).not.toHaveClass(/\bdragging\b/);
  });

  test('axe finds no serious or critical violation, in the light and the dark', async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await axeContext(browser);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await openWelcome(page, { recentDecks: [{ path: '/home/ana/talks/launch', title: 'Product launch' }] }, { drops: true });
      await expect(page.getByRole('button', { name: /New Deck…/ })).toBeFocused();
      expect.soft(await seriousViolations(page), colorScheme).toEqual([]);
      await context.close();
    }
  });
});
