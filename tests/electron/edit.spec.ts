import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { typeAtEnd } from '../e2e/edit-support';
import { clickMenu, launchPodiumOnCopy, skipWithoutElectron } from './electron-app';

test.beforeEach(() => skipWithoutElectron('tests/electron/edit.spec.ts'));

test('View ▸ Edit Slides: an edit, a new segment and a rename, asked in the page, end up on disk', async () => {
  const podium = await launchPodiumOnCopy(join(FIXTURE_DECKS, 'presenting'));
  try {
    const { app, window, deck } = podium;
    await clickMenu(app, ['View', 'Edit Slides'], window);
    await window.locator('.podium-segments li', { hasText: '1-opening.md' }).click();
    await expect(window.locator('.podium-edit-status')).toContainText('1-opening.md — saved');

    await typeAtEnd(window, '\n\nEdited in the app.\n');
    await window.keyboard.press('Control+S');
    await expect(window.locator('.podium-edit-status')).toContainText('1-opening.md — saved');
    expect(await readFile(join(deck, '1-opening.md'), 'utf8')).toContain('Edited in the app.');

    // Electron shows no window.prompt: the question is the page's own dialog.
    await window.getByRole('button', { name: 'New', exact: true }).click();
    const create = window.getByRole('dialog');
    await expect(create).toBeVisible();
    await create.getByRole('textbox').fill('Encore');
    await create.getByRole('textbox').press('Enter');
    await expect.poll(async () => (await readdir(deck)).some((file) => /encore/i.test(file))).toBe(true);
    const created = (await readdir(deck)).find((file) => /encore/i.test(file)) ?? '';
    expect(await readFile(join(deck, created), 'utf8')).toContain('Encore');

    await expect(window.locator('.podium-edit-status')).toContainText(created);
    await window.getByRole('button', { name: 'Rename', exact: true }).click();
    const rename = window.getByRole('dialog');
    await rename.getByRole('textbox').fill('3-encore-renamed.md');
    await rename.getByRole('textbox').press('Enter');
    await expect.poll(() => readdir(deck)).toContain('3-encore-renamed.md');
    expect(await readdir(deck)).not.toContain(created);
  } finally {
    await podium.close();
  }
});
