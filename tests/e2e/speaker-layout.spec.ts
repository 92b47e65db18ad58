import { expect, test, type Page } from '@playwright/test';
import { CEREMONY_DECK } from '../support/podium-cli';
import { openPresenter, openSpeakerView } from './present-support';
import { serveWithRemote, type RemoteServer } from './remote-support';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

interface Measured {
  viewport: { width: number; height: number };
  bar: Box;
  /** Every control of the top bar, and the bar's own items (clock, countdown, verdict). */
  barItems: { name: string; box: Box }[];
  barOverflows: boolean;
  mainColumn: Box;
  sideColumn: Box;
  now: Box;
  next: Box;
  nextSection: Box;
  notes: Box;
  schedule: Box;
  timeUp: Box | null;
}

/** The boxes of the speaker view's parts, as the page lays them out. */
function measure(speaker: Page): Promise<Measured> {
  // A string, not a function: this file is type-checked without the DOM's types.
  return speaker.evaluate(`(() => {
    const box = (element) => { const { left, top, right, bottom, width, height } = element.getBoundingClientRect(); return { left, top, right, bottom, width, height }; };
    const one = (selector) => box(document.querySelector(selector));
    const bar = document.querySelector('.speaker-bar');
    const items = [...bar.querySelectorAll('button, .speaker-elapsed, .speaker-countdown-time, .speaker-schedule-status, .speaker-position, .speaker-wall-clock')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ name: element.textContent.trim() || element.className, box: box(element) }));
    const timeUp = document.querySelector('.speaker-time-up');
    return {
      viewport: { width: innerWidth, height: innerHeight },
      bar: box(bar),
      barItems: items,
      barOverflows: bar.scrollWidth > bar.clientWidth,
      mainColumn: one('.speaker-main-column'),
      sideColumn: one('.speaker-side-column'),
      now: one('.speaker-current-slide'),
      next: one('.speaker-next-slide'),
      nextSection: one('.speaker-next'),
      notes: one('section.speaker-notes'),
      schedule: one('.speaker-schedule'),
      timeUp: timeUp && !timeUp.hidden ? box(timeUp) : null,
    };
  })()`) as Promise<Measured>;
}

/** The top bar is one row inside the window: every item beside the others, none below or past the edge. */
function expectOneRowBar(measured: Measured): void {
  const { bar, barItems, viewport } = measured;
  expect(barItems.length).toBeGreaterThanOrEqual(8);
  const buttons = barItems.filter(({ name }) => /^(Start|Pause|Reset|Rehearse|Previous|Next|Remote|Remote on|◀|▶)$/.test(name));
  expect(buttons.map(({ name }) => name)).toEqual(expect.arrayContaining(['Reset', 'Rehearse', '◀', '▶']));
  expect(buttons.some(({ name }) => name.startsWith('Remote')), 'the phone remote button is in the bar').toBe(true);
  const top = buttons[0]?.box.top ?? 0;
  for (const { name, box } of buttons) expect(Math.abs(box.top - top), `${name} at ${box.top}, the first button at ${top}`).toBeLessThanOrEqual(1);
  for (const { name, box } of barItems) {
    expect(box.top, `${name} inside the bar`).toBeGreaterThanOrEqual(bar.top - 1);
    expect(box.bottom, `${name} inside the bar`).toBeLessThanOrEqual(bar.bottom + 1);
    expect(box.right, `${name} inside the window`).toBeLessThanOrEqual(viewport.width);
  }
  // One row: the bar is no taller than its tallest item.
  expect(bar.height).toBeLessThanOrEqual(Math.max(...barItems.map(({ box }) => box.height)) + 1);
  expect(measured.barOverflows).toBe(false);
}

/** No room is left unused: each preview is its column's width, and what is under it reaches the window's foot. */
function expectNoWastedRoom(measured: Measured): void {
  const { mainColumn, sideColumn, now, next, nextSection, notes, schedule, viewport } = measured;
  expect(Math.abs(now.width - mainColumn.width), `NOW ${now.width} wide in a column of ${mainColumn.width}`).toBeLessThanOrEqual(2);
  expect(Math.abs(next.width - sideColumn.width), `NEXT ${next.width} wide in a column of ${sideColumn.width}`).toBeLessThanOrEqual(2);
  expect(Math.abs(now.width / now.height - 16 / 9)).toBeLessThan(0.02);
  expect(Math.abs(next.width / next.height - 16 / 9)).toBeLessThan(0.02);
  // NEXT's section ends with its preview, and the notes start one gap (12 px) below it.
  expect(nextSection.bottom - next.bottom, 'room under NEXT in its section').toBeLessThanOrEqual(1);
  expect(notes.top - next.bottom, 'from NEXT to the notes').toBeLessThanOrEqual(13);
  // Both columns reach the window's padding (12 px) at the foot.
  for (const [name, part] of [['notes', notes], ['segments', schedule]] as const) {
    expect(viewport.height - 12 - part.bottom, `room under the ${name}`).toBeLessThanOrEqual(1);
    expect(part.bottom).toBeLessThanOrEqual(viewport.height);
  }
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test.describe('the speaker view at a laptop and a full-HD size', () => {
  let served: RemoteServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`at ${viewport.width}x${viewport.height}: one-row bar, previews as wide as their columns, notes and segments to the foot, before and after time is up`, async ({ browser }) => {
      // With the phone remote: its button is in the bar too. The ceremony deck plans 28 minutes.
      served = await serveWithRemote(CEREMONY_DECK);
      const context = await browser.newContext({ viewport });
      await context.clock.install();
      const presenter = await openPresenter(context, served.url);
      const speaker = await openSpeakerView(presenter);
      await speaker.setViewportSize(viewport);
      await speaker.locator('.speaker-remote-close').click();
      await presenter.keyboard.press('ArrowRight');
      await expect(speaker.locator('.podium-speaker')).toHaveAttribute('data-h', '1');
      // The previews settle once reveal.js has laid them out.
      await expect(async () => expectNoWastedRoom(await measure(speaker))).toPass();
      expectOneRowBar(await measure(speaker));
      // The segments scroll under their label and header, which stay in sight.
      const stuck = (await speaker.evaluate(`(async () => {
        const schedule = document.querySelector('.speaker-schedule');
        schedule.scrollTop = schedule.scrollHeight;
        await new Promise(requestAnimationFrame);
        const box = schedule.getBoundingClientRect();
        const top = (selector) => schedule.querySelector(selector).getBoundingClientRect().top - box.top;
        return { scrolled: schedule.scrollTop > 0 || schedule.scrollHeight <= schedule.clientHeight, label: top('h2'), header: top('th') };
      })()`)) as { scrolled: boolean; label: number; header: number };
      expect(stuck.scrolled).toBe(true);
      expect(Math.abs(stuck.label)).toBeLessThanOrEqual(1);
      expect(stuck.header).toBeGreaterThanOrEqual(20);
      expect(stuck.header).toBeLessThanOrEqual(30);

      // The widest bar: the talk's time over, behind the plan, this segment over its own.
      await context.clock.fastForward(29 * 60_000 + 40_000);
      await expect(speaker.locator('.speaker-time-up')).toBeVisible();
      await expect(speaker.locator('.speaker-segment-over')).toBeVisible();
      await expect(speaker.locator('.speaker-schedule-status')).toHaveText(/^Behind by /);
      const late = await measure(speaker);
      expectOneRowBar(late);
      expectNoWastedRoom(late);
      // "Time's up" covers the segments, never the notes the presenter wraps up with, nor NOW.
      expect(late.timeUp).not.toBeNull();
      if (late.timeUp) {
        expect(overlaps(late.timeUp, late.notes)).toBe(false);
        expect(overlaps(late.timeUp, late.now)).toBe(false);
      }
      // The segment's overrun is said beside NOW's label, whole at these sizes.
      const badge = speaker.locator('.speaker-current .speaker-segment-over');
      await expect(badge).toHaveText(/^Welcome over by \d+:\d\d$/);
      expect(await badge.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await context.close();
    });
  }
});
