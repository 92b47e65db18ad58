import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor } from './edit-support';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async ({ page }) => {
  deck = await mkdtemp(join(tmpdir(), 'podium-edit-dialogs-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
  // As in Electron, which never shows these: prompt answers null at once, confirm false.
  await page.addInitScript(`window.prompt = () => null;
    window.confirm = () => false;
    window.alert = () => undefined;`);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

const markdownFiles = async (): Promise<string[]> => (await readdir(deck)).filter((name) => name.endsWith('.md')).sort();

test.describe('the edit view asks through its own dialogs, where window.prompt does nothing', () => {
  test('creates a segment and renames it, and both reach the disk', async ({ page }) => {
    await openEditor(page, served?.url ?? '', '10-end.md');
    const before = await markdownFiles();

    await page.getByRole('button', { name: 'New', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Title of the new segment' });
    await expect(create).toBeVisible();
    await create.getByRole('textbox').fill('Encore');
    await page.keyboard.press('Enter');
    await expect(create).toBeHidden();
    await expect.poll(markdownFiles).toHaveLength(before.length + 1);
    await expect(page.locator('.podium-edit-status')).toContainText('encore.md — saved');
    const created = (await markdownFiles()).find((name) => name.endsWith('encore.md')) ?? '';
    expect(await readFile(join(deck, created), 'utf8')).toContain('Encore');

    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const rename = page.getByRole('dialog', { name: `New file name for ${created}` });
    await rename.getByRole('textbox').fill('99-encore.md');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(markdownFiles).toContain('99-encore.md');
    expect(await markdownFiles()).not.toContain(created);
    expect(await readFile(join(deck, '99-encore.md'), 'utf8')).toContain('Encore');
  });

  test('Escape cancels and leaves the disk as it was', async ({ page }) => {
    await openEditor(page, served?.url ?? '', '10-end.md');
    const before = await markdownFiles();

    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const rename = page.getByRole('dialog', { name: 'New file name for 10-end.md' });
    await expect(rename.getByRole('textbox')).toBeFocused();
    await page.keyboard.type('gone.md');
    await page.keyboard.press('Escape');
    await expect(rename).toBeHidden();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const remove = page.getByRole('dialog', { name: 'Delete 10-end.md? You can undo this.' });
    await expect(remove).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(remove).toBeHidden();

    await expect(page.locator('.podium-edit-status')).toContainText('10-end.md — saved');
    expect(await markdownFiles()).toEqual(before);
  });
});
