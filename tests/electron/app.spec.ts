import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CEREMONY_DECK, FIXTURE_DECKS, runPodium } from '../support/podium-cli';
import {
  answerNextDialog,
  clickMenu,
  launchPodium,
  launchPodiumWithoutDeck,
  skipWithoutElectron,
  totalSlides,
  waitUntilPresented,
} from './electron-app';

/** The slides `podium inspect` counts in a deck: what the window must present. */
function inspectedSlideCount(deck: string): number {
  const inspected = runPodium(['inspect', deck, '--json']);
  expect(inspected.status, inspected.stderr).toBe(0);
  return (JSON.parse(inspected.stdout) as { slides: unknown[] }).slides.length;
}

test.beforeEach(() => skipWithoutElectron('tests/electron/app.spec.ts'));

test('the app opens the ceremony deck in a window and presents every slide', async () => {
  const podium = await launchPodium(CEREMONY_DECK);
  try {
    expect(await podium.window.title()).toMatch(/Paris 2024/);
    expect(await totalSlides(podium.window)).toBe(inspectedSlideCount(CEREMONY_DECK));
    expect(podium.window.url()).toMatch(/^podium:\/\/app\/index\.html/);
    // The app is Podium, not "Electron": its own name, and a profile of its own.
    expect(await podium.app.evaluate(({ app }) => app.getName())).toBe('Podium');
    expect(await podium.app.evaluate(({ app }) => app.getPath('userData'))).toMatch(/Podium$/);
  } finally {
    await podium.close();
  }
});

test('File ▸ Open Deck… replaces the deck in the window', async () => {
  const base = await mkdtemp(join(tmpdir(), 'podium-electron-open-'));
  const other = join(base, 'presenting');
  await cp(join(FIXTURE_DECKS, 'presenting'), other, { recursive: true });
  const podium = await launchPodium(CEREMONY_DECK);
  try {
    await answerNextDialog(podium.app, 'showOpenDialog', { canceled: false, filePaths: [other] });
    await clickMenu(podium.app, ['File', 'Open Deck…'], podium.window);
    await expect.poll(() => totalSlides(podium.window)).toBe(inspectedSlideCount(other));
    await waitUntilPresented(podium.window);
    await expect(podium.window.locator('.reveal .slides')).not.toContainText('Paris 2024');
  } finally {
    await podium.close();
    await rm(base, { recursive: true, force: true });
  }
});

test('without a deck the app welcomes, opens the sample, and remembers it as a recent deck', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'podium-electron-welcome-'));
  const podium = await launchPodiumWithoutDeck(empty);
  try {
    await expect(podium.window.getByRole('heading', { name: 'Podium', level: 1 })).toBeVisible();
    await expect(podium.window.getByText('Decks you open appear here.')).toBeVisible();
    await podium.window.getByRole('button', { name: /Sample Deck/ }).click();
    await waitUntilPresented(podium.window);
    expect(await totalSlides(podium.window)).toBe(inspectedSlideCount(CEREMONY_DECK));
    const userData = await podium.app.evaluate(({ app }) => app.getPath('userData'));
    await expect.poll(async () => JSON.stringify(await readFile(join(userData, 'recent-decks.json'), 'utf8').catch(() => ''))).toContain('Paris 2024');
  } finally {
    await podium.close();
    await rm(empty, { recursive: true, force: true });
  }
});
