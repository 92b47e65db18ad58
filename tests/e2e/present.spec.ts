import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { expectAllAt, openPresenter, openSpeakerView, revealIndices, servePresenting, speakerIndices, type PresentingServer } from './present-support';

// Two segments: "Opening" (1 min planned: Welcome, then "Three steps" with two fragments) and
// "Closing" (2 min planned: Thank you, then Questions, which has no notes).
const DECK = join(FIXTURE_DECKS, 'presenting');


test.describe('presenting in serve mode', () => {
  let served: PresentingServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test('keeps the presentation, the speaker view and a follower on the same slide and fragment', async ({ browser }) => {
    served = await servePresenting(DECK);
    const presenterContext = await browser.newContext();
    const audienceContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(audienceContext, served.followUrl);

    // The presenter advances: to the fragment slide, then its first fragment.
    await presenter.keyboard.press('ArrowRight');
    await expectAllAt({ h: 1, v: 0, f: -1 }, [presenter, follower], [speaker]);
    await presenter.keyboard.press('PageDown');
    await expectAllAt({ h: 1, v: 0, f: 0 }, [presenter, follower], [speaker]);
    await expect(follower.locator('.reveal .slides section.present .fragment.visible')).toHaveText('First step');

    // The speaker view drives too: its next key shows the second fragment, then the next slide.
    await speaker.keyboard.press('ArrowRight');
    await expectAllAt({ h: 1, v: 0, f: 1 }, [presenter, follower], [speaker]);
    await speaker.locator('.speaker-next-button').click();
    await expectAllAt({ h: 2, v: 0, f: -1 }, [presenter, follower], [speaker]);
    await speaker.keyboard.press('PageUp');
    await expectAllAt({ h: 1, v: 0, f: 1 }, [presenter, follower], [speaker]);

    // A follower cannot drive: its keys do nothing, and the server refuses its posts.
    await follower.keyboard.press('ArrowRight');
    await follower.keyboard.press('Space');
    expect(await revealIndices(follower)).toEqual({ h: 1, v: 0, f: 1 });
    expect(await revealIndices(presenter)).toEqual({ h: 1, v: 0, f: 1 });
    const refused = await follower.evaluate(async () => {
      const response = await fetch('api/presenter', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ h: 3, v: 0, f: -1 }),
      });
      return response.status;
    });
    expect(refused).toBe(403);
    expect(await revealIndices(presenter)).toEqual({ h: 1, v: 0, f: 1 });

    // A follower joining mid-talk starts on the presenter's slide.
    const latecomer = await openPresenter(audienceContext, served.followUrl);
    await expect.poll(() => revealIndices(latecomer)).toEqual({ h: 1, v: 0, f: 1 });

    await presenterContext.close();
    await audienceContext.close();
  });

  test("shows the current slide's notes, and the next fragment step before the next slide", async ({ page }) => {
    served = await servePresenting(DECK);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const speaker = await openSpeakerView(page);
    const notes = speaker.locator('.speaker-notes-text');
    const nextLabel = speaker.locator('.speaker-next-label');

    await expect(notes).toHaveText('Notes for the welcome slide.');
    await expect(nextLabel).toHaveText('Next slide');
    await expect(speaker.locator('.speaker-next-slide section.present')).toContainText('Three steps');

    await page.keyboard.press('ArrowRight');
    await expect(notes).toHaveText('Notes for the steps slide.');
    await expect(nextLabel).toHaveText('Next: fragment');
    await expect(speaker.locator('.speaker-next-slide section.present .fragment.visible')).toHaveText('First step');
    await expect(speaker.locator('.speaker-current-slide section.present .fragment.visible')).toHaveCount(0);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(nextLabel).toHaveText('Next slide');
    await expect(speaker.locator('.speaker-next-slide section.present')).toContainText('Thank you');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(speaker.locator('.speaker-current-slide section.present')).toContainText('Questions');
    await expect(notes).toHaveText('No notes for this slide.');
    await expect(nextLabel).toHaveText('End of the deck');
  });

  test('makes the notes larger and smaller with + and −', async ({ page }) => {
    served = await servePresenting(DECK);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const speaker = await openSpeakerView(page);
    const fontSize = (): Promise<number> =>
      speaker
        .locator('.speaker-notes-text')
        .evaluate((element) => parseFloat((element as unknown as { style: { fontSize: string } }).style.fontSize));
    const initial = await fontSize();
    await speaker.keyboard.press('+');
    await speaker.keyboard.press('+');
    expect(await fontSize()).toBeGreaterThan(initial);
    await speaker.keyboard.press('-');
    await speaker.keyboard.press('-');
    await speaker.keyboard.press('-');
    expect(await fontSize()).toBeLessThan(initial);
  });

  test('runs the timer, pauses and resets it, and says how far ahead or behind the plan the talk is', async ({ page, context }) => {
    await context.clock.install();
    served = await servePresenting(DECK);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const speaker = await openSpeakerView(page);
    const elapsed = speaker.locator('.speaker-elapsed');
    const status = speaker.locator('.speaker-schedule-status');
    const spentIn = (segment: string) =>
      speaker.locator('.speaker-segments tr', { hasText: segment }).locator('td').nth(3);

    // Start starts it on the title slide; 1:30 in "Opening", planned for 1:00: behind by half a minute.
    await speaker.locator('.speaker-pause').click();
    await expect(speaker.locator('.speaker-pause')).toHaveText('Pause');
    await context.clock.fastForward(90_000);
    await expect(elapsed).toHaveText(/^1:3\d$/);
    await expect(status).toHaveText(/^Behind by 0:3\d$/);
    await expect(spentIn('Opening')).toHaveText(/^1:3\d$/);

    // Paused, time stands still.
    await speaker.locator('.speaker-pause').click();
    await expect(speaker.locator('.speaker-pause')).toHaveText('Resume');
    const pausedAt = await elapsed.textContent();
    await context.clock.fastForward(120_000);
    await speaker.locator('.speaker-reset').focus();
    await expect(elapsed).toHaveText(pausedAt ?? '');

    // Resumed and reset: the clock starts again from zero.
    await speaker.locator('.speaker-pause').click();
    await speaker.locator('.speaker-reset').click();
    await expect(elapsed).toHaveText(/^0:0\d$/);
    await expect(spentIn('Opening')).toHaveText(/^0:0\d$/);
    await expect(status).toHaveText('On time');

    // 40 s in "Opening", then on to "Closing" (planned 2:00): 20 s ahead of the plan, said once
    // the talk has run a minute.
    await context.clock.fastForward(40_000);
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    await context.clock.fastForward(30_000);
    await expect(speaker.locator('.speaker-segments tr.current')).toContainText('Closing');
    await expect(status).toHaveText(/^Ahead by 0:[12]\d$/);
    await expect(status).toHaveClass(/ahead/);
  });

  test('records a rehearsal run per slide, saves it beside the deck and shows it per segment', async ({ page, context }) => {
    // A copy: the rehearsal is written into the deck folder.
    const deck = await mkdtemp(join(tmpdir(), 'podium-rehearsal-e2e-'));
    await cp(DECK, deck, { recursive: true });
    try {
      await context.clock.install();
      served = await servePresenting(deck);
      await page.goto(served.url);
      await expect(page.locator('html[data-podium-ready]')).toBeAttached();
      const speaker = await openSpeakerView(page);
      const rehearsedIn = (segment: string) =>
        speaker.locator('.speaker-segments tr', { hasText: segment }).locator('td').nth(2);
      await expect(speaker.locator('.speaker-segments th').nth(2)).toHaveText('Rehearsed');
      await expect(rehearsedIn('Opening')).toHaveText('—');

      const rehearse = speaker.locator('.speaker-rehearse');
      await rehearse.click();
      await expect(rehearse).toHaveText('Stop rehearsal');
      // 20 s on "Welcome", 30 s on "Three steps" (its two fragments count towards it), 5 s on "Thank you".
      await context.clock.fastForward(20_000);
      await speaker.keyboard.press('ArrowRight');
      await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
      await context.clock.fastForward(15_000);
      await speaker.keyboard.press('ArrowRight');
      await speaker.keyboard.press('ArrowRight');
      await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: 1 });
      await context.clock.fastForward(15_000);
      await speaker.keyboard.press('ArrowRight');
      await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
      await context.clock.fastForward(5_000);
      await rehearse.click();
      await expect(rehearse).toHaveText('Rehearse');

      const saved = JSON.parse(await readFile(join(deck, '.podium/rehearsal.json'), 'utf8')) as {
        slides: { h: number; v: number; ms: number }[];
      };
      expect(saved.slides.map(({ h, v }) => [h, v])).toEqual([[0, 0], [1, 0], [2, 0]]);
      const [welcome, steps, thanks] = saved.slides.map(({ ms }) => ms);
      expect(welcome).toBeGreaterThanOrEqual(20_000);
      expect(steps).toBeGreaterThanOrEqual(30_000);
      expect(thanks).toBeGreaterThanOrEqual(5_000);
      await expect(rehearsedIn('Opening')).toHaveText(/^0:5\d$/);
      await expect(rehearsedIn('Closing')).toHaveText(/^0:0\d$/);

      // A speaker view opened later reads the saved rehearsal.
      await speaker.reload();
      await expect(speaker.locator('.podium-speaker[data-h]')).toBeAttached();
      await expect(rehearsedIn('Opening')).toHaveText(/^0:5\d$/);
    } finally {
      await served?.stop();
      served = null;
      await rm(deck, { recursive: true, force: true });
    }
  });

  test('lists the keys, S for the speaker view among them, with ?', async ({ page }) => {
    served = await servePresenting(DECK);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await page.keyboard.press('Shift+Slash');
    const help = page.locator('.r-overlay-help');
    await expect(help).toBeVisible();
    for (const action of ['Speaker view', 'PageDown from clickers', 'Fullscreen', 'Slide overview', 'Pause']) {
      await expect(help).toContainText(action);
    }
  });
});
