import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CEREMONY_DECK } from '../support/podium-cli';
import { servePresenting, type PresentingServer } from './present-support';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the arrows reveal.js shows and of the slide number, in the page. */
async function cornerBoxes(page: Page): Promise<{ arrows: Box[]; number: Box }> {
  // A string, not a function: this file is type-checked without the DOM's types.
  return page.evaluate(`(() => {
    const box = (element) => { const { left, top, right, bottom } = element.getBoundingClientRect(); return { left, top, right, bottom }; };
    const arrows = [...document.querySelectorAll('.reveal .controls button.enabled .controls-arrow')].map(box);
    return { arrows, number: box(document.querySelector('.reveal .slide-number')) };
  })()`) as Promise<{ arrows: Box[]; number: Box }>;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Goes right until reveal.js offers a way down (a vertical slide below), where all three arrows show. */
async function toSlideWithVerticalBelow(page: Page): Promise<void> {
  await expect
    .poll(async () => page.evaluate(`(() => { const down = window.Reveal.availableRoutes().down; if (!down) window.Reveal.right(); return down; })()`))
    .toBe(true);
  await expect(page.locator('.reveal .controls .navigate-down.enabled')).toBeVisible();
  // reveal.js slides and fades the arrows in: their boxes are measured where they end up, when no
  // transition runs and two frames apart they have not moved (the right arrow's bounce, a hint on
  // the first slides, is an animation that never ends, and is left out).
  await expect
    .poll(() =>
      page.evaluate(`(async () => {
        const buttons = [...document.querySelectorAll('.reveal .controls button')];
        const boxes = () => JSON.stringify(buttons.map((button) => button.querySelector('.controls-arrow').getBoundingClientRect()));
        const before = boxes();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const moving = buttons.some((button) => button.getAnimations().some((animation) => animation instanceof CSSTransition));
        return !moving && boxes() === before;
      })()`),
    )
    .toBe(true);
}

test.describe('the presentation’s corner', () => {
  let served: PresentingServer | null = null;
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-present-layout-'));
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  // The ceremony deck's theme makes the number 28px; a deck without a theme of its own keeps reveal.js's 12px.
  const decks: [string, () => Promise<string>][] = [
    ['the ceremony deck', async () => CEREMONY_DECK],
    [
      'a deck in reveal.js’s own theme',
      async () => {
        await writeFile(join(work, 'talk.md'), '# One\n\n---\n\n# Two\n\n--\n\n## Two, below\n\n---\n\n# Three\n');
        return join(work, 'talk.md');
      },
    ],
  ];
  for (const [name, makeDeck] of decks) {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      test(`no arrow covers the slide number, ${name} at ${width}x${height}`, async ({ page }) => {
        served = await servePresenting(await makeDeck());
        await page.setViewportSize({ width, height });
        await page.goto(served.url);
        await expect(page.locator('html[data-podium-ready]')).toBeAttached();
        await toSlideWithVerticalBelow(page);
        const { arrows, number } = await cornerBoxes(page);
        expect(arrows).toHaveLength(3); // left, right and down
        expect(number.bottom - number.top).toBeGreaterThan(10);
        expect(number.right).toBeGreaterThan(width - 100);
        for (const arrow of arrows) expect(overlaps(arrow, number), JSON.stringify({ arrow, number })).toBe(false);
        // Still in the corner, just above the number.
        for (const arrow of arrows) expect(number.top - arrow.bottom).toBeLessThan(60);
      });
    }
  }
});

test.describe('the presentation’s ? help', () => {
  let served: PresentingServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`shows every key whole on a ${width}x${height} screen, nothing to scroll`, async ({ page }) => {
      served = await servePresenting(CEREMONY_DECK);
      await page.setViewportSize({ width, height });
      await page.goto(served.url);
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      await page.keyboard.press('Shift+Slash');
      const help = page.locator('.r-overlay-help');
      await expect(help).toContainText('Speaker view');
      const fit = (await help.evaluate(`(() => {
        const content = document.querySelector('.r-overlay-help .r-overlay-content');
        const box = content.getBoundingClientRect();
        const rows = [...content.querySelectorAll('tr')].filter((row) => row.querySelector('td'));
        const outside = rows.filter((row) => { const r = row.getBoundingClientRect(); return r.top < box.top || r.bottom > box.bottom || r.left < box.left || r.right > box.right; });
        return { rows: rows.length, outside: outside.map((row) => row.textContent), scrolls: content.scrollHeight > content.clientHeight };
      })()`)) as { rows: number; outside: string[]; scrolls: boolean };
      expect(fit.rows).toBeGreaterThan(20);
      expect(fit.outside).toEqual([]);
      expect(fit.scrolls).toBe(false);
    });
  }
});

test.describe('the speaker view at 1280x720', () => {
  let served: PresentingServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test('every segment of the table can be read: it fits or scrolls, its header in sight', async ({ page }) => {
    served = await servePresenting(CEREMONY_DECK);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await speaker.setViewportSize({ width: 1280, height: 720 });
    await expect(speaker.locator('.speaker-segments tr')).toHaveCount(10);
    const seen = (await speaker.evaluate(`(async () => {
      const schedule = document.querySelector('.podium-speaker .speaker-schedule');
      const inside = (element) => { const box = schedule.getBoundingClientRect(); const r = element.getBoundingClientRect(); return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; };
      const rows = [...schedule.querySelectorAll('tr')];
      const readable = new Set();
      for (let top = 0; top <= schedule.scrollHeight; top += 20) {
        schedule.scrollTop = top;
        await new Promise(requestAnimationFrame);
        rows.forEach((row, index) => { if (inside(row)) readable.add(index); });
        if (!inside(schedule.querySelector('th'))) return { header: false };
      }
      return { header: true, readable: readable.size, rows: rows.length, inView: schedule.getBoundingClientRect().bottom <= innerHeight };
    })()`)) as { header: boolean; readable?: number; rows?: number; inView?: boolean };
    expect(seen).toEqual({ header: true, readable: 10, rows: 10, inView: true });
  });
});
