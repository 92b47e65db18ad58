import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { openPresenter, openSpeakerView, servePresenting, speakerIndices, type PresentingServer } from './present-support';

// "Opening" is planned for 1 min (Welcome, then "Three steps"), "Closing" for 2 (two slides).
const PRESENTING = join(FIXTURE_DECKS, 'presenting');

/** Nothing of the clock shows on an audience page: no countdown, no warning, no "Time's up". */
async function expectNoClock(page: Page): Promise<void> {
  await expect(page.locator('.speaker-countdown, .speaker-time-up, .speaker-segment-over')).toHaveCount(0);
  await expect(page.getByText(/time's up|left$| over by /i)).toHaveCount(0);
}

/** The element's background colour as the page paints it. */
function backgroundOf(locator: Locator): Promise<string> {
  // This file is type-checked without the DOM's types: the page's own getComputedStyle, named.
  return locator.evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor);
}

test.describe("the speaker view's countdown", () => {
  let served: PresentingServer | null = null;
  let deck: string | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    if (deck) await rm(deck, { recursive: true, force: true });
    deck = null;
  });

  test("counts down deck.yaml's duration, warns at 5 and 1 minutes left and when a segment overruns, then says time's up, on the speaker view alone", async ({ browser }) => {
    deck = await mkdtemp(join(tmpdir(), 'podium-clock-e2e-'));
    await cp(PRESENTING, deck, { recursive: true });
    await writeFile(join(deck, 'deck.yaml'), 'title: Clocked\nduration: 6\n');
    served = await servePresenting(deck);
    const presenterContext = await browser.newContext();
    const audienceContext = await browser.newContext();
    await presenterContext.clock.install();
    await audienceContext.clock.install();
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(audienceContext, served.followUrl);
    const countdown = speaker.locator('.speaker-countdown');
    const left = countdown.locator('.speaker-countdown-time');
    const segmentOver = speaker.locator('.speaker-segment-over');
    const banner = speaker.locator('.speaker-time-up');

    // Past the title slide: the talk is under way, with its 6 minutes ahead.
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expect(left).toHaveText(/^(6:00|5:5\d) left$/);
    await expect(countdown).toHaveAttribute('data-level', 'plenty');
    await expect(segmentOver).toBeHidden();
    await expect(banner).toBeHidden();

    // 1:05 in "Opening", planned for 1:00: the segment runs over, and under five minutes are left.
    await presenterContext.clock.fastForward(65_000);
    await expect(segmentOver).toBeVisible();
    await expect(segmentOver).toHaveText(/^Opening over by 0:0\d$/);
    await expect(left).toHaveText(/^4:5\d left$/);
    await expect(countdown).toHaveAttribute('data-level', 'warning');

    // On to "Closing" (planned 2:00), a minute in: no overrun there.
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    await presenterContext.clock.fastForward(60_000);
    await expect(segmentOver).toBeHidden();
    await expect(left).toHaveText(/^3:5\d left$/);
    await expect(countdown).toHaveAttribute('data-level', 'warning');
    const amber = await backgroundOf(left);

    // At 5:05, under one minute: red, and "Closing" (2:00 planned, 4:00 spent) is over its plan.
    await presenterContext.clock.fastForward(180_000);
    await expect(left).toHaveText(/^0:5\d left$/);
    await expect(countdown).toHaveAttribute('data-level', 'final');
    const red = await backgroundOf(left);
    expect(red).not.toBe(amber);
    await expect(segmentOver).toHaveText(/^Closing over by 2:0\d$/);
    await expect(banner).toBeHidden();

    // Past 6:00: time's up, in a banner and a red frame round the view, the time over counting up.
    await presenterContext.clock.fastForward(70_000);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("Time's up");
    await expect(banner).toContainText(/0:1\d over the planned 6:00/);
    await expect(left).toHaveText(/^\+0:1\d over$/);
    await expect(speaker.locator('.podium-speaker')).toHaveClass(/time-up/);
    await expect(banner).toHaveAttribute('role', 'alert');

    // The audience sees none of it: not the presentation, not a follower.
    await audienceContext.clock.fastForward(500_000);
    await expectNoClock(presenter);
    await expectNoClock(follower);

    await presenterContext.close();
    await audienceContext.close();
  });

  test("counts down the segments' planned minutes when deck.yaml gives no duration", async ({ page, context }) => {
    await context.clock.install();
    served = await servePresenting(PRESENTING);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const speaker = await openSpeakerView(page);
    await page.keyboard.press('ArrowRight');
    // 1 + 2 minutes planned: three minutes, already under the five-minute warning.
    await expect(speaker.locator('.speaker-countdown-time')).toHaveText(/^(3:00|2:5\d) left$/);
    await expect(speaker.locator('.speaker-countdown')).toHaveAttribute('data-level', 'warning');
    await context.clock.fastForward(185_000);
    await expect(speaker.locator('.speaker-time-up')).toBeVisible();
  });
});
