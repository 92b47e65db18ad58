import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/podium-cli';
import { launchPodiumOnCopy, skipWithoutElectron, totalSlides } from './electron-app';

test.beforeEach(() => skipWithoutElectron('tests/electron/hostile.spec.ts'));

test('a hostile deck in the app runs nothing, opens nothing and stays on the app page', async () => {
  const podium = await launchPodiumOnCopy(join(REPO_ROOT, 'tests/fixtures/hostile'));
  try {
    const { app, window } = podium;
    const dialogs: string[] = [];
    window.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const total = await totalSlides(window);
    expect(total).toBeGreaterThanOrEqual(8);
    for (let index = 0; index < total; index++) {
      await window.evaluate(`(() => { const at = window.Reveal.getIndices(window.Reveal.getSlides()[${index}]); window.Reveal.slide(at.h, at.v); })()`);
      await window.mouse.move(200 + index * 10, 300);
    }
    await window.evaluate('window.Reveal.slide(0)');
    await window.locator('#hover').click();
    await window.locator('#js-link, #js-link-mixed, #api-link').evaluateAll((links) => links.forEach((link) => (link as unknown as { click(): void }).click()));

    // The segment that points out of the deck is an error slide naming it, not a read of the file.
    await expect(window.locator('.reveal')).toContainText('03-leak.md');
    expect(await window.evaluate('window.__podiumPwned ?? null')).toBeNull();
    expect(await window.evaluate('typeof require')).toBe('undefined');
    expect(await window.evaluate('typeof process')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(window.url()).toMatch(/^podium:\/\/app\/index\.html/);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await podium.close();
  }
});
