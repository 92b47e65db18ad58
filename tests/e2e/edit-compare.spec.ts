import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, typeAtEnd } from './edit-support';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-edit-compare-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

test('Compare shows a line diff with numbers and marks, its choices in view however long the file', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const long = Array.from({ length: 120 }, (_, index) => `line ${index + 1}`).join('\n');
  await writeFile(join(deck, '10-end.md'), `# The end\n\n${long}\n\nNote: n\n`);
  await openEditor(page, served?.url ?? '', '10-end.md');
  await expect(page.locator('.cm-content')).toContainText('line 1');
  await typeAtEnd(page, 'mine at the end\n');
  await writeFile(join(deck, '10-end.md'), `# The end, changed on disk\n\n${long}\n\nNote: n\n`);
  await page.locator('.podium-notice').getByRole('button', { name: 'Compare' }).click();

  const dialog = page.getByRole('dialog', { name: /10-end\.md: \d+ lines? differ/ });
  await expect(dialog).toBeVisible();
  const changed = dialog.locator('tr[data-kind="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('td')).toHaveText(['1', '# The end', '1', '# The end, changed on disk']);
  const mineOnly = dialog.locator('tr[data-kind="mine-only"]');
  await expect(mineOnly.locator('.podium-diff-mine')).toHaveText('mine at the end');
  await expect(mineOnly.locator('.podium-diff-gap')).toHaveCount(1);

  // Scrolled to the end of a long file, the three choices are still on screen, the first focused.
  await dialog.locator('.podium-compare-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  for (const name of ['Keep mine', 'Take theirs', 'Cancel']) await expect(dialog.getByRole('button', { name })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Keep mine' })).toBeFocused();

  // Cancel (here with Escape) decides nothing: the edit stays unsaved, the file as it was on disk.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.cm-content')).toContainText('mine at the end');
  expect(await readFile(join(deck, '10-end.md'), 'utf8')).toContain('changed on disk');
});

// The segment actions moved to the toolbar across the top: edit-toolbar.spec.ts measures it.
test('at 1280×720 the preview has no reveal.js arrows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, served?.url ?? '', '10-end.md');
  await expect(page.locator('.podium-edit-stage .reveal .controls')).toBeHidden();
  await expect(page.locator('.podium-notice')).toBeHidden();
});
