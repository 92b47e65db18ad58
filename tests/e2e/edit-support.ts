import { expect, type Page } from '@playwright/test';

/** Opens serve mode's edit view at `presenterUrl` with `segment` in the editor, saved. */
export async function openEditor(page: Page, presenterUrl: string, segment: string): Promise<void> {
  await page.goto(`${presenterUrl}&view=edit`);
  await page.locator('.podium-segments li', { hasText: segment }).click();
  await expect(page.locator('.podium-edit-status')).toContainText(`${segment} — saved`);
}

/** Types `text` at the end of the open segment, as one paste. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}
