import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { openPresenter, openSpeakerView, servePresenting, type PresentingServer } from './present-support';
import { serveWithRemote, type RemoteServer } from './remote-support';

const DECK = join(FIXTURE_DECKS, 'presenting');

/**
 * Every key a person might press, as a help overlay names it, with what a keydown carries. The
 * page's own key handler is asked about each one: a key it takes (preventDefault) must have its
 * line in the `?` overlay, and each line must name only keys it takes.
 */
const CANDIDATES: { name: string; key: string; keyCode: number; shiftKey?: boolean; altKey?: boolean }[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => ({ name: letter, key: letter.toLowerCase(), keyCode: letter.charCodeAt(0) })),
  ...'0123456789'.split('').map((digit) => ({ name: digit, key: digit, keyCode: digit.charCodeAt(0) })),
  { name: 'SPACE', key: ' ', keyCode: 32 },
  { name: 'Shift SPACE', key: ' ', keyCode: 32, shiftKey: true },
  { name: '←', key: 'ArrowLeft', keyCode: 37 },
  { name: '↑', key: 'ArrowUp', keyCode: 38 },
  { name: '→', key: 'ArrowRight', keyCode: 39 },
  { name: '↓', key: 'ArrowDown', keyCode: 40 },
  { name: 'Shift + →', key: 'ArrowRight', keyCode: 39, shiftKey: true },
  { name: 'Alt + →', key: 'ArrowRight', keyCode: 39, altKey: true },
  { name: 'PAGE UP', key: 'PageUp', keyCode: 33 },
  { name: 'PAGE DOWN', key: 'PageDown', keyCode: 34 },
  { name: 'HOME', key: 'Home', keyCode: 36 },
  { name: 'END', key: 'End', keyCode: 35 },
  { name: 'ESC', key: 'Escape', keyCode: 27 },
  { name: '.', key: '.', keyCode: 190 },
  { name: '/', key: '/', keyCode: 191 },
  { name: '?', key: '?', keyCode: 191, shiftKey: true },
  { name: '+', key: '+', keyCode: 187, shiftKey: true },
  { name: '=', key: '=', keyCode: 187 },
  { name: '-', key: '-', keyCode: 189 },
  { name: ',', key: ',', keyCode: 188 },
  { name: 'F1', key: 'F1', keyCode: 112 },
  { name: 'ENTER', key: 'Enter', keyCode: 13 },
  { name: 'TAB', key: 'Tab', keyCode: 9 },
];

/** Whether a line's keys ("N  ,  SPACE", "1 – 6", "Shift + ←/↑/→/↓") name a candidate. */
function names(lineKeys: string, name: string): boolean {
  return lineKeys.split(/\s+,\s+/).some((token) => {
    const range = /^(\d) – (\d)$/.exec(token);
    if (range && /^\d$/.test(name)) return Number(name) >= Number(range[1]) && Number(name) <= Number(range[2]);
    const modified = /^(Shift|Alt) \+ (.+)$/.exec(token);
    if (modified) {
      const [modifier, key] = name.split(' + ');
      return modifier === modified[1] && key !== undefined && modified[2]!.split('/').includes(key);
    }
    return token === name;
  });
}

/** The overlay's lines, against the keys the handler took: each key one line, each line a key. */
function expectHelpMatchesHandler(lines: { keys: string; action: string }[], taken: string[]): void {
  for (const name of taken) {
    expect(lines.filter((line) => names(line.keys, name)).map((line) => line.action), `the line of ${name}`).toHaveLength(1);
  }
  for (const line of lines) expect(taken.filter((name) => names(line.keys, name)), `a key of "${line.keys}: ${line.action}"`).not.toEqual([]);
}

async function rowsOf(page: Page, rows: string): Promise<{ keys: string; action: string }[]> {
  return page.locator(rows).evaluateAll((elements) =>
    elements.map((row) => {
      const [keys, action] = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim());
      return { keys: keys ?? '', action: action ?? '' };
    }),
  );
}

test.describe('every key has its line in the ? help', () => {
  let served: PresentingServer | RemoteServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test("the presentation's: reveal.js's handler and Podium's bindings, against the overlay's lines", async ({ browser }) => {
    served = await servePresenting(DECK);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const presenter = await openPresenter(context, served.url);
    // S opens the speaker view in a window of its own: it is one more page of the context.
    const taken = (await presenter.evaluate(`(async () => {
      const candidates = ${JSON.stringify(CANDIDATES)};
      const reveal = window.Reveal;
      const reset = () => {
        if (reveal.isPaused()) reveal.togglePause(false);
        if (reveal.isOverlayOpen()) reveal.toggleHelp(false);
        if (reveal.isOverview()) reveal.toggleOverview(false);
        reveal.toggleJumpToSlide(false);
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        const board = document.querySelector('.podium-whiteboard');
        if (board && !board.hidden) reveal.triggerKey(87);
        reveal.slide(1, 0, -1);
      };
      const press = (candidate) => {
        const event = new KeyboardEvent('keydown', { key: candidate.key, keyCode: candidate.keyCode, shiftKey: !!candidate.shiftKey, altKey: !!candidate.altKey, bubbles: true, cancelable: true });
        document.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const taken = [];
      for (const candidate of candidates) {
        reset();
        // The colour keys choose the pen's colour: they act while the pen is in hand.
        const colour = /^[0-9]$/.test(candidate.name);
        if (colour) reveal.triggerKey(68);
        if (press(candidate)) taken.push(candidate.name);
        if (colour) reveal.triggerKey(68);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      reset();
      return taken;
    })()`)) as string[];
    // The handler takes the keys a presenter expects (a spot check that the probe itself works).
    for (const name of ['→', 'SPACE', 'PAGE DOWN', 'B', 'W', 'S', 'D', 'L', '1', '?', 'ESC']) expect(taken).toContain(name);
    expect(taken).not.toContain('Q');

    await presenter.keyboard.press('Shift+Slash');
    await expect(presenter.locator('.r-overlay-help')).toBeVisible();
    const lines = await rowsOf(presenter, '.r-overlay-help tr:has(td)');
    expectHelpMatchesHandler(lines, taken);
    // L is the laser here, not reveal.js's "navigate right".
    expect(lines.find((line) => names(line.keys, 'L'))?.action).toMatch(/Laser/);
    // At 720p every line can be scrolled to.
    const last = presenter.locator('.r-overlay-help tr').last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await context.close();
  });

  for (const withRemote of [false, true]) {
    test(`the speaker view's${withRemote ? ', with the phone remote' : ''}: its key handler against the overlay's lines`, async ({ browser }) => {
      served = withRemote ? await serveWithRemote(DECK) : await servePresenting(DECK);
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const presenter = await openPresenter(context, served.url);
      const speaker = await openSpeakerView(presenter);
      await speaker.setViewportSize({ width: 1280, height: 720 });
      const help = speaker.locator('.speaker-key-help');
      await expect(help).toBeHidden();
      await speaker.keyboard.press('Shift+Slash');
      await expect(help).toBeVisible();
      await speaker.keyboard.press('Escape');
      await expect(help).toBeHidden();

      const taken = (await speaker.evaluate(`(async () => {
        const candidates = ${JSON.stringify(CANDIDATES)};
        const help = document.querySelector('.speaker-key-help');
        const pen = [...document.querySelectorAll('.speaker-draw-tool')].find((button) => button.textContent === 'Pen');
        const taken = [];
        for (const candidate of candidates) {
          // Open, so that Esc has the help to close; the colour keys act while the pen is in hand.
          help.hidden = false;
          const colour = /^[0-9]$/.test(candidate.name);
          if (colour && pen.getAttribute('aria-pressed') !== 'true') pen.click();
          const event = new KeyboardEvent('keydown', { key: candidate.key, shiftKey: !!candidate.shiftKey, altKey: !!candidate.altKey, bubbles: true, cancelable: true });
          document.dispatchEvent(event);
          if (event.defaultPrevented) taken.push(candidate.name);
          if (colour && pen.getAttribute('aria-pressed') === 'true') pen.click();
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        help.hidden = true;
        return taken;
      })()`)) as string[];
      for (const name of ['→', 'SPACE', 'PAGE DOWN', 'B', 'W', 'D', 'L', '1', '?', 'ESC', '+']) expect(taken).toContain(name);
      // Serve mode's speaker view can turn the remote on, whether or not it started on: R opens its panel.
      expect(taken).toContain('R');

      await speaker.keyboard.press('Shift+Slash');
      const lines = await rowsOf(speaker, '.speaker-key-help tr:has(td)');
      expectHelpMatchesHandler(lines, taken);
      // The whole list is in sight at 720p, without scrolling: its groups side by side.
      const box = await help.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true);
      expect(await help.evaluate((element) => element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth)).toBe(true);
      await expect(help.locator('tr:has(td)').last()).toBeInViewport({ ratio: 1 });
      await context.close();
    });
  }
});
