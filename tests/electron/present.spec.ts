import { expect, test } from '@playwright/test';
import { CEREMONY_DECK } from '../support/podium-cli';
import { revealIndices, speakerIndices } from '../e2e/present-support';
import { clickMenu, launchPodium, skipWithoutElectron } from './electron-app';

test.beforeEach(() => skipWithoutElectron('tests/electron/present.spec.ts'));

test('View ▸ Present and Speaker View: moving in either window moves the other', async () => {
  const podium = await launchPodium(CEREMONY_DECK);
  try {
    const { app, window: audience } = podium;
    await clickMenu(app, ['View', 'Present'], audience);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFullScreen())).toBe(true);

    const speakerOpened = app.waitForEvent('window');
    await clickMenu(app, ['View', 'Speaker View'], audience);
    const speaker = await speakerOpened;
    await expect(speaker.locator('.podium-speaker')).toBeVisible();
    expect(speaker.url()).toContain('view=speaker');

    await audience.keyboard.press('ArrowRight');
    const moved = await revealIndices(audience);
    expect(moved.h).toBe(1);
    await expect.poll(() => speakerIndices(speaker)).toEqual(moved);

    await speaker.keyboard.press('ArrowRight');
    await expect.poll(async () => (await revealIndices(audience)).h + (await revealIndices(audience)).f).toBeGreaterThan(moved.h + moved.f);
    await expect.poll(() => speakerIndices(speaker)).toEqual(await revealIndices(audience));

    // Pressed again, Present stops: the deck window leaves fullscreen.
    await clickMenu(app, ['View', 'Present'], audience);
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((window) => window.isFullScreen()))).toBe(false);
  } finally {
    await podium.close();
  }
});
