import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mediaState, seek, TONE_SECONDS, writeMediaDeck } from '../e2e/media-support';
import { launchPodium, skipWithoutElectron } from './electron-app';

test.beforeEach(() => skipWithoutElectron('tests/electron/media.spec.ts'));

// The podium:// scheme's `stream` privilege and its 206 answers, in the real Chromium of Electron:
// Electron 37 once broke seeking over custom protocols (electron/electron#47661), which no fake
// can show.
test('the app seeks a deck’s audio to its middle and pauses it when its slide is left', async () => {
  const base = await mkdtemp(join(tmpdir(), 'podium-electron-media-'));
  await writeMediaDeck(base);
  const podium = await launchPodium(base);
  try {
    const { window } = podium;
    await expect.poll(async () => (await mediaState(window, '#tone'))?.seekableEnd).toBeCloseTo(TONE_SECONDS, 1);
    expect(await seek(window, '#tone', TONE_SECONDS / 2)).toBeCloseTo(TONE_SECONDS / 2, 1);

    await window.evaluate(`document.querySelector('#tone').play()`);
    await expect.poll(async () => (await mediaState(window, '#tone'))?.paused).toBe(false);
    await window.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mediaState(window, '#tone'))?.paused).toBe(true);
    await expect.poll(async () => (await mediaState(window, '#autoplayed'))?.paused).toBe(false);
  } finally {
    await podium.close();
    await rm(base, { recursive: true, force: true });
  }
});
