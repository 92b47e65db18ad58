import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { servePodium, type ServeProcess } from '../support/podium-cli';

let served: ServeProcess | null = null;
let deck = '';
test.afterEach(async () => {
  await served?.stop();
  await rm(deck, { recursive: true, force: true });
});

test("deck.yaml's reveal.js options reach reveal.js, and change what the audience sees", async ({ page }) => {
  deck = await mkdtemp(join(tmpdir(), 'podium-reveal-options-'));
  await writeFile(
    join(deck, 'deck.yaml'),
    'controls: false\nprogress: false\nslideNumber: false\nloop: true\nrevealOptions:\n  navigationMode: linear\n  transitionSpeed: fast\n',
  );
  await writeFile(join(deck, '01-talk.md'), '# One\n\n---\n\n# Two\n');
  served = await servePodium(deck);
  await page.goto(served.url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
  const config = await page.evaluate('(({ controls, progress, slideNumber, loop, navigationMode, transitionSpeed }) => ({ controls, progress, slideNumber, loop, navigationMode, transitionSpeed }))(Reveal.getConfig())');
  expect(config).toEqual({ controls: false, progress: false, slideNumber: false, loop: true, navigationMode: 'linear', transitionSpeed: 'fast' });
  await expect(page.locator('.reveal .controls')).toBeHidden();
  await expect(page.locator('.reveal .slide-number')).toBeHidden();
  // loop: from the last slide, next is the first.
  await page.evaluate('Reveal.slide(1)');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate('Reveal.getIndices().h')).toBe(0);
});
