import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, typeAtEnd } from './edit-support';
import { FIXTURE_DECKS, runPodium, servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';

test.beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-edit-problems-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

test("the edit view lists check's problems as they are typed, marks their lines and opens them", async ({ page }) => {
  await openEditor(page, served?.url ?? '', '10-end.md');
  const problems = page.locator('.podium-problems');
  // The fixture's two slides without notes, as `podium check` names them.
  await expect(problems.locator('.podium-problems-summary')).toHaveText('0 errors, 2 warnings');
  await expect(problems).toContainText('10-end.md:1 warning: slide has no speaker notes');

  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('---\ntitle: "The end\nlayout: title\n---\n');
  await expect(problems.locator('.podium-problems-summary')).toHaveText(/^1 error, /);
  await expect(problems).toContainText('10-end.md:2 error: invalid front matter: the " opened on this line is never closed');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
  // The error slide says the same, wrapped inside the slide.
  const errorSlide = page.locator('.podium-edit-stage section.podium-error-slide');
  await expect(errorSlide).toContainText('never closed');
  const fits = await errorSlide.evaluate((section) =>
    [...section.querySelectorAll('p')].every((p) => p.scrollWidth <= section.clientWidth + 1),
  );
  expect(fits).toBe(true);

  // Fixed as typed: the error goes at once, without a save.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.insertText('"');
  await expect(problems.locator('.podium-problems-summary')).toHaveText('0 errors, 2 warnings');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(0);

  // Choosing a problem of another segment opens it at its line.
  await typeAtEnd(page, '\n');
  await problems.getByRole('button', { name: /2-intro\.md:\d+ warning/ }).click();
  await expect(page.locator('.podium-segments li.current')).toContainText('2-intro.md');
});

test('the edit view lists a missing image the moment the file naming it is saved, as check does', async ({ page }) => {
  await openEditor(page, served?.url ?? '', '10-end.md');
  const problems = page.locator('.podium-problems');
  await expect(problems.locator('.podium-problems-summary')).toHaveText('0 errors, 2 warnings');
  await writeFile(join(deck, '10-end.md'), '# The end\n\n![The flag](flag.png)\n\nNote: bye\n');
  await expect(problems).toContainText('10-end.md:3 error: image "flag.png" not found (flag.png)');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
});

test("the edit view flags the slide being typed when it overflows, with check's own rule and words", async ({ page }) => {
  await openEditor(page, served?.url ?? '', '10-end.md');
  const problems = page.locator('.podium-problems');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.insertText(`\n\n${Array.from({ length: 30 }, (_, index) => `- point ${index + 1}`).join('\n')}\n`);
  await expect(problems).toContainText(/10-end\.md:1 error: slide content overflows the \d+×\d+ slide \(\d+×\d+ px\): shorten it or split it with ---/);

  // Saved, `podium check` finds the same slide overflowing, in the same words.
  await page.keyboard.press('Control+s');
  await expect(page.locator('.podium-edit-status')).toContainText('— saved');
  const checked = runPodium(['check', deck]).stdout;
  const shown = (await problems.getByRole('button', { name: /overflows/ }).textContent()) ?? '';
  expect(checked).toContain(`10-end.md:1: ${shown.replace(/^10-end\.md:1 /, '')}`);

  await page.keyboard.press('Control+z');
  await expect(problems).not.toContainText('overflows');
});
