import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { openPresenter, openSpeakerView, servePresenting, speakerIndices, type PresentingServer } from './present-support';

// "Opening" (1 min planned: Welcome, then "Three steps" with two fragments) and "Closing" (2 min
// planned: Thank you, then Questions).
const DECK = join(FIXTURE_DECKS, 'presenting');

function timerOf(speaker: Page) {
  return {
    elapsed: speaker.locator('.speaker-elapsed'),
    start: speaker.locator('.speaker-pause'),
    status: speaker.locator('.speaker-schedule-status'),
    spentIn: (segment: string) => speaker.locator('.speaker-segments tr', { hasText: segment }).locator('td').nth(3),
  };
}

test.describe("the speaker view's timer", () => {
  let served: PresentingServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test('waits while the speaker view is open on the title slide, and starts on the first move past it', async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext();
    await context.clock.install();
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    const { elapsed, start, status, spentIn } = timerOf(speaker);

    // Ten minutes of setting up count for nothing.
    await context.clock.fastForward(600_000);
    await expect(elapsed).toHaveText('0:00');
    await expect(start).toHaveText('Start');
    await expect(status).toHaveText('Timer not started');
    await expect(speaker.locator('.podium-speaker')).toHaveClass(/timer-waiting/);
    await expect(spentIn('Opening')).toHaveText('0:00');

    // The first move past the title starts it, wherever it is made (here, the presentation).
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expect(start).toHaveText('Pause');
    await context.clock.fastForward(30_000);
    await expect(elapsed).toHaveText(/^0:3\d$/);
    await expect(spentIn('Opening')).toHaveText(/^0:3\d$/);
    await expect(status).toHaveText('On time');
    await context.close();
  });

  test('starts with Start on the title slide too', async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext();
    await context.clock.install();
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    const { elapsed, start } = timerOf(speaker);
    await context.clock.fastForward(60_000);
    await start.click();
    await expect(start).toHaveText('Pause');
    await context.clock.fastForward(12_000);
    await expect(elapsed).toHaveText(/^0:1\d$/);
    expect(await speakerIndices(speaker)).toEqual({ h: 0, v: 0, f: -1 });
    await context.close();
  });

  test('a few seconds of clicking through a segment do not read as minutes ahead', async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext();
    await context.clock.install();
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    const { status } = timerOf(speaker);

    // Through "Opening" (planned 1:00) in about four seconds, into "Closing".
    for (let step = 0; step < 4; step++) {
      await speaker.keyboard.press('ArrowRight');
      await context.clock.fastForward(1_000);
    }
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    await expect(status).toHaveText('On time');
    await expect(status).not.toHaveText(/Ahead/);
    // A minute into the talk, still in "Closing": now it is ahead, by what "Opening" gave back.
    await context.clock.fastForward(60_000);
    await expect(status).toHaveText(/^Ahead by 0:5\d$/);
    await context.close();
  });

  test('a black screen or the whiteboard shown before the talk does not start the timer; the next move does', async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext();
    await context.clock.install();
    const presenter = await openPresenter(context, served.url);
    for (let step = 0; step < 4; step++) await presenter.keyboard.press('ArrowRight');
    const speaker = await openSpeakerView(presenter);
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    const { elapsed, start } = timerOf(speaker);
    // Setting up: black from the speaker view and back, then the whiteboard from the presentation and back.
    await speaker.keyboard.press('b');
    await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-screen', 'black');
    await speaker.keyboard.press('b');
    await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-screen', 'slide');
    await presenter.keyboard.press('w');
    await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-screen', 'white');
    await speaker.keyboard.press('w');
    await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-screen', 'slide');
    await context.clock.fastForward(60_000);
    await expect(start).toHaveText('Start');
    await expect(elapsed).toHaveText('0:00');
    await speaker.keyboard.press('ArrowRight');
    await expect(start).toHaveText('Pause');
    await context.close();
  });

  test('a speaker view opened in the middle of the deck is not ahead by the segments it never timed', async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext();
    await context.clock.install();
    const presenter = await openPresenter(context, served.url);
    for (let step = 0; step < 4; step++) await presenter.keyboard.press('ArrowRight');
    const speaker = await openSpeakerView(presenter);
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    const { status, start } = timerOf(speaker);
    await expect(start).toHaveText('Start');
    await presenter.keyboard.press('ArrowRight');
    await expect(start).toHaveText('Pause');
    // 1:30 into "Closing", planned for 2:00: on time, not "ahead by 1:00" for the "Opening" before it.
    await context.clock.fastForward(90_000);
    await expect(status).toHaveText('On time');
    await context.clock.fastForward(40_000);
    await expect(status).toHaveText(/^Behind by 0:1\d$/);
    await context.close();
  });

  test('asks before a rehearsal resets the timer and replaces the last rehearsal; Cancel keeps both', async ({ browser }) => {
    const deck = await mkdtemp(join(tmpdir(), 'podium-timer-e2e-'));
    await cp(DECK, deck, { recursive: true });
    try {
      served = await servePresenting(deck);
      const context = await browser.newContext();
      await context.clock.install();
      const presenter = await openPresenter(context, served.url);
      const speaker = await openSpeakerView(presenter);
      const { elapsed, start } = timerOf(speaker);
      const rehearse = speaker.locator('.speaker-rehearse');
      const dialog = speaker.locator('dialog.podium-ask');

      // Nothing to lose yet: a first rehearsal starts at once, with the timer.
      await rehearse.click();
      await expect(rehearse).toHaveText('Stop rehearsal');
      await expect(dialog).toHaveCount(0);
      await expect(start).toHaveText('Pause');
      await context.clock.fastForward(20_000);
      await speaker.keyboard.press('ArrowRight');
      await context.clock.fastForward(10_000);
      await rehearse.click();
      await expect(rehearse).toHaveText('Rehearse');
      const first = await readFile(join(deck, '.podium/rehearsal.json'), 'utf8');

      // Now the timer has run and a rehearsal is saved: starting another asks, naming both.
      await context.clock.fastForward(5_000);
      await rehearse.click();
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(/Start a rehearsal\? The timer goes back to 0:00 from 0:3\d/);
      await expect(dialog).toContainText('replaces the rehearsal recorded');
      // Its keys are the dialog's: an arrow does not move the talk behind it.
      await speaker.keyboard.press('ArrowRight');
      expect(await speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(rehearse).toHaveText('Rehearse');
      await expect(elapsed).toHaveText(/^0:3\d$/);
      expect(await readFile(join(deck, '.podium/rehearsal.json'), 'utf8')).toBe(first);

      // Confirmed: the timer starts again from 0:00 and a new run is recorded.
      await rehearse.click();
      await dialog.getByRole('button', { name: 'Start rehearsal' }).click();
      await expect(rehearse).toHaveText('Stop rehearsal');
      await expect(elapsed).toHaveText('0:00');
      await context.clock.fastForward(7_000);
      await expect(elapsed).toHaveText(/^0:0[7-9]$/);
      await context.close();
    } finally {
      await served?.stop();
      served = null;
      await rm(deck, { recursive: true, force: true });
    }
  });
});
