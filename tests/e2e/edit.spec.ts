import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, typeAtEnd } from './edit-support';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-edit-e2e-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});


test.describe('the edit view in serve mode', () => {
  test('shows typing in the preview at once and saves it to disk with Ctrl+S', async ({ page }) => {
    await openEditor(page, served?.url ?? '', '10-end.md');
    await typeAtEnd(page, '\n---\n\n# Typed here\n');
    await expect(page.locator('.podium-edit-stage .slides')).toContainText('Typed here');
    await expect(page.locator('.podium-edit-status')).toContainText('unsaved');
    await page.keyboard.press('Control+s');
    await expect(page.locator('.podium-edit-status')).toContainText('— saved');
    expect(await readFile(join(deck, '10-end.md'), 'utf8')).toContain('# Typed here');
  });

  test('takes a change made on disk into the editor and the preview', async ({ page }) => {
    await openEditor(page, served?.url ?? '', '10-end.md');
    await writeFile(join(deck, '10-end.md'), '# Changed by another editor\n\nNote: n\n');
    await expect(page.locator('.cm-content')).toContainText('Changed by another editor');
    await expect(page.locator('.podium-edit-stage .slides')).toContainText('Changed by another editor');
  });

  test('offers keep mine, take theirs and compare when the file changes under unsaved edits', async ({ page }) => {
    await openEditor(page, served?.url ?? '', '10-end.md');
    await typeAtEnd(page, '\nmine\n');
    await writeFile(join(deck, '10-end.md'), '# Theirs\n');
    const notice = page.locator('.podium-notice');
    await expect(notice).toContainText('changed on disk while you were editing');

    await notice.getByRole('button', { name: 'Compare' }).click();
    const compare = page.locator('.podium-compare');
    await expect(compare).toContainText('mine');
    await expect(compare).toContainText('# Theirs');
    await compare.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => readFile(join(deck, '10-end.md'), 'utf8')).toContain('mine');

    await typeAtEnd(page, '\nmine again\n');
    await writeFile(join(deck, '10-end.md'), '# Theirs again\n');
    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await expect(page.locator('.cm-content')).toHaveText('# Theirs again');
    expect(await readFile(join(deck, '10-end.md'), 'utf8')).toBe('# Theirs again\n');
  });

  test('offers unsaved edits back after the page was closed before saving', async ({ page, context }) => {
    await openEditor(page, served?.url ?? '', '2-intro.md');
    // The process "dies" before any save lands: saves never reach the server.
    await page.route('**/api/edit/saveSegment', (route) => route.abort());
    await typeAtEnd(page, '\nrecover me\n');
    // The journal is written after a short pause.
    await expect.poll(() => readdir(join(deck, '.podium/recovery')).then((names) => names.length, () => 0)).toBe(1);
    await page.close();
    const again = await context.newPage();
    await again.goto(`${served?.url}&view=edit`);
    const notice = again.locator('.podium-notice');
    await expect(notice).toContainText('Unsaved edits to 2-intro.md');
    // The edit lives only in the journal: the file never had it.
    expect(await readFile(join(deck, '2-intro.md'), 'utf8')).not.toContain('recover me');
    await notice.getByRole('button', { name: 'Restore' }).click();
    await expect(again.locator('.cm-content')).toContainText('recover me');
    // Restored, it is an edit like any other, saved after the autosave pause. (Checking the file
    // still lacked it after Restore raced with that save on a busy machine.)
    await expect.poll(() => readFile(join(deck, '2-intro.md'), 'utf8')).toContain('recover me');
  });
});
