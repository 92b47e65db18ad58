import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

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

/** Opens the welcome view with `answers`: what each WelcomeApi call resolves to, or an error to throw. */
async function openWelcome(page: Page, answers: Record<string, unknown>): Promise<void> {
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
});
