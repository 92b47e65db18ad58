import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/node/browser/find-browser';
import { CdpBrowser } from '../../../src/node/export/cdp-browser';

describe('CdpBrowser', () => {
  it('runs no page but the one it prints: no preloaded browser UI (the address bar popup)', async () => {
    const browser = await CdpBrowser.launch(findBrowser(), 30_000);
    try {
      const page = await browser.newPage(800, 600);
      await page.goto('data:text/html,<p>ready</p>');
      // The popup was preloaded within the browser's first second; give it as long again.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { targetInfos } = (await browser.send('Target.getTargets', { filter: [{}] })) as { targetInfos: { type: string; url: string }[] };
      expect(targetInfos.filter((target) => target.type !== 'tab').map((target) => `${target.type} ${target.url}`)).toEqual(['page data:text/html,<p>ready</p>']);
    } finally {
      await browser.close();
    }
  });

  it('rejects a command that gets no answer once its deadline passed, naming the method', async () => {
    const browser = await CdpBrowser.launch(findBrowser(), 30_000);
    try {
      const page = await browser.newPage(800, 600);
      await page.goto('data:text/html,<p>ready</p>');
      browser.setCommandTimeout(300);
      // A promise the page never settles: Runtime.evaluate with awaitPromise never answers.
      await expect(page.evaluate('new Promise(() => {})')).rejects.toThrow(/did not answer Runtime\.evaluate within 0\.3 s/);
      browser.setCommandTimeout(30_000);
      // The page still answers the commands after it.
      expect(await page.evaluate<number>('1 + 1')).toBe(2);
    } finally {
      await browser.close();
    }
  });
});
