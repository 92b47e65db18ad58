import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { READY_ATTRIBUTE } from '../../src/shared/api';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The `electron` package exports its binary's path, and throws when the binary was never installed. */
function electronBinaryMissing(): string | null {
  try {
    createRequire(import.meta.url)('electron');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

test('the app opens the slides deck in a window and reveal.js lays out its slides', async () => {
  const missing = electronBinaryMissing();
  if (missing !== null) {
    const reason = `Electron binary not installed: ${missing}`;
    console.log(`tests/electron/app.spec.ts skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }

  // Chromium refuses to start as root with its sandbox on (CI runs as root).
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({ args: [...rootOnly, 'out/main/index.js', '--deck=slides'], cwd: repositoryRoot });
  try {
    const window = await app.firstWindow();
    await window.waitForSelector(`html[${READY_ATTRIBUTE}]`, { state: 'attached', timeout: 30_000 });
    expect(await window.title()).not.toBe('');
    // A string, not a function: this file is type-checked without the DOM library.
    const slideCount = await window.evaluate(
      `typeof Reveal === 'object' ? Reveal.getTotalSlides() : document.querySelectorAll('.reveal .slides section').length`,
    );
    expect(slideCount).toBeGreaterThan(0);
    expect(window.url()).toMatch(/^podium:\/\/app\/index\.html/);
  } finally {
    await app.close();
  }
});
