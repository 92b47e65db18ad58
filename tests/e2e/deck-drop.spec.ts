import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

// The renderer's drop handling, in Chromium, on the page serve mode gives (the app's page is the
// same bundle). Where a test needs the app, `window.podiumDrop` stands in for the preload and
// records the File it is handed: the path and the checks behind it belong to the main process
// (tests/main/drop-ipc.test.ts).

interface DropOutcome {
  /** Whether the page cancelled the drop: Chromium then does not open the file in the window. */
  prevented: boolean;
  /** The names handed to openDroppedDeck. */
  opened: string[];
}

type Dropped = { kind: 'file'; name: string } | { kind: 'folder'; name: string };

/**
 * Drops `items` on the slides. Files go through a real DataTransfer; a folder cannot (a page can
 * only make Files), so its drop carries the parts of a DataTransfer the handler reads, with the
 * entry Chromium gives a dropped folder (`webkitGetAsEntry().isDirectory`).
 */
function drop(page: Page, items: Dropped[]): Promise<DropOutcome> {
  return page.evaluate(`(async (items) => {
    const files = items.map((item) => new File(item.kind === 'file' ? ['# Dropped'] : [], item.name));
    let transfer;
    if (items.some((item) => item.kind === 'folder')) {
      transfer = {
        types: ['Files'],
        files,
        items: items.map((item) => ({ kind: 'file', webkitGetAsEntry: () => ({ isDirectory: item.kind === 'folder' }) })),
        dropEffect: 'none',
      };
    } else {
      transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
    }
    const target = document.querySelector('.reveal');
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: transfer });
    target.dispatchEvent(over);
    const event = new DragEvent('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: transfer });
    target.dispatchEvent(event);
    // openDroppedDeck records its call before its first await, so the count is final here.
    return { prevented: event.defaultPrevented, opened: [...(window.openedDecks ?? [])] };
  })(${JSON.stringify(items)})`) as Promise<DropOutcome>;
}

async function openPage(page: Page, url: string, withPreload: boolean): Promise<void> {
  if (withPreload) {
    // A string, not a function: this file is type-checked without the DOM's types.
    await page.addInitScript(`
      window.openedDecks = [];
      window.podiumDrop = { openDroppedDeck: async (file) => void window.openedDecks.push(file.name) };
    `);
  }
  await page.goto(url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
}

test.describe('dropping on the window', () => {
  let served: ServeProcess | null = null;
  test.beforeAll(async () => {
    served = await servePodium(join(FIXTURE_DECKS, 'basic'));
  });
  test.afterAll(async () => {
    await served?.stop();
  });

  test.describe('in the app', () => {
    test.beforeEach(async ({ page }) => openPage(page, served?.url ?? '', true));

    test('a .md file opens it as the deck', async ({ page }) => {
      expect(await drop(page, [{ kind: 'file', name: 'keynote.md' }])).toEqual({ prevented: true, opened: ['keynote.md'] });
    });

    test('a folder opens it as the deck', async ({ page }) => {
      expect(await drop(page, [{ kind: 'folder', name: 'talk' }])).toEqual({ prevented: true, opened: ['talk'] });
    });

    test('any other file opens nothing, and does not replace the page', async ({ page }) => {
      expect(await drop(page, [{ kind: 'file', name: 'photo.png' }])).toEqual({ prevented: true, opened: [] });
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    });

    test('several files at once open nothing', async ({ page }) => {
      const outcome = await drop(page, [
        { kind: 'file', name: 'one.md' },
        { kind: 'file', name: 'two.md' },
      ]);
      expect(outcome).toEqual({ prevented: true, opened: [] });
    });
  });

  test('in serve mode a dropped file does not replace the page either', async ({ page }) => {
    await openPage(page, served?.url ?? '', false);
    expect(await drop(page, [{ kind: 'file', name: 'keynote.md' }])).toEqual({ prevented: true, opened: [] });
  });
});
