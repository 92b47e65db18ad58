import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { DRAWINGS_FILE } from '../../src/node/present/drawings-file';
import { openPresenter, openSpeakerView, servePresenting, speakerIndices, type PresentingServer } from './present-support';
import { dragOn, expectSameSpot, expectStrokes, laserDot, overlayOf, pointAt, reddestNear, strokeBoxes } from './drawing-support';

// Welcome, "Three steps" (two fragments), Thank you, Questions.
const DECK = join(FIXTURE_DECKS, 'presenting');

test.describe('drawing while presenting in serve mode', () => {
  let served: PresentingServer | null = null;
  let deck = '';
  test.beforeEach(async () => {
    deck = await mkdtemp(join(tmpdir(), 'podium-drawing-'));
    await cp(DECK, deck, { recursive: true });
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(deck, { recursive: true, force: true });
  });

  test('a stroke drawn in the speaker view lands on the same spot of the presentation and a follower, follows its slide, undoes, clears and saves', async ({ browser }) => {
    served = await servePresenting(deck);
    const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // The follower's screen has another size and shape: the stroke scales with the slide.
    const audienceContext = await browser.newContext({ viewport: { width: 800, height: 800 } });
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(audienceContext, served.followUrl);

    await speaker.keyboard.press('d');
    await expect(speaker.locator('.speaker-draw-tool[data-action="draw"]')).toHaveAttribute('aria-pressed', 'true');
    await dragOn(speaker, overlayOf(speaker, true), [0.3, 0.3], [0.6, 0.5]);
    const [drawn] = await strokeBoxes(overlayOf(speaker, true));
    expect(drawn?.tool).toBe('pen');
    // Where the mouse went, give or take the pen's width.
    expect(Math.abs((drawn?.x ?? 0) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs((drawn?.y ?? 0) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs((drawn?.width ?? 0) - 0.3)).toBeLessThan(0.03);
    for (const page of [presenter, follower]) {
      await expectStrokes(overlayOf(page), 1);
      expectSameSpot((await strokeBoxes(overlayOf(page)))[0] as NonNullable<typeof drawn>, drawn as NonNullable<typeof drawn>);
    }

    // Undo takes it away everywhere; a second stroke in blue, then a move away and back.
    await speaker.keyboard.press('z');
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 0);
    await speaker.keyboard.press('2');
    await dragOn(speaker, overlayOf(speaker, true), [0.1, 0.7], [0.4, 0.8]);
    await expect(overlayOf(follower).locator('path[data-stroke]')).toHaveAttribute('fill', '#1565ff');
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 0);
    await expectStrokes(overlayOf(speaker, true), 0);
    await speaker.keyboard.press('ArrowLeft');
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 1);
    await expectStrokes(overlayOf(speaker, true), 1);

    // C clears the slide; Z brings it back.
    await speaker.keyboard.press('c');
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 0);
    await speaker.keyboard.press('z');
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 1);

    // Drawn in the presentation itself, it shows in the speaker view too.
    await presenter.keyboard.press('d');
    await dragOn(presenter, overlayOf(presenter), [0.7, 0.1], [0.9, 0.2]);
    await expectStrokes(overlayOf(speaker, true), 2);
    await expectStrokes(overlayOf(follower), 2);

    await speaker.getByRole('button', { name: 'Save drawings' }).click();
    await expect(speaker.locator('.speaker-draw-status')).toHaveText('Drawings saved');
    const saved = JSON.parse(await readFile(join(deck, DRAWINGS_FILE), 'utf8')) as { pages: Record<string, { color: string }[]> };
    expect(Object.keys(saved.pages)).toEqual(['0/0']);
    expect(saved.pages['0/0']?.map((stroke) => stroke.color)).toEqual(['#1565ff', '#e8132b']);

    // A follower that joins now sees what was drawn.
    const latecomer = await openPresenter(audienceContext, served.followUrl);
    await expectStrokes(overlayOf(latecomer), 2);
    await presenterContext.close();
    await audienceContext.close();

    // Presented again, the deck shows what was saved.
    await served.stop();
    served = await servePresenting(deck);
    const again = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await expectStrokes(overlayOf(await openPresenter(again, served.url)), 2);
    await again.close();
  });

  test('the laser shows on the presentation and a follower at the same spot of the slide, with L or while the mouse is held on the current slide', async ({ browser }) => {
    served = await servePresenting(deck);
    const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const audienceContext = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(audienceContext, served.followUrl);
    const near = (expected: { x: number; y: number }) => (dot: { x: number; y: number } | null) =>
      dot !== null && Math.abs(dot.x - expected.x) < 0.01 && Math.abs(dot.y - expected.y) < 0.01;

    await speaker.keyboard.press('l');
    await pointAt(speaker, overlayOf(speaker, true), [0.25, 0.4]);
    for (const page of [presenter, follower]) await expect.poll(async () => near({ x: 0.25, y: 0.4 })(await laserDot(overlayOf(page)))).toBe(true);
    await pointAt(speaker, overlayOf(speaker, true), [0.7, 0.6]);
    for (const page of [presenter, follower]) await expect.poll(async () => near({ x: 0.7, y: 0.6 })(await laserDot(overlayOf(page)))).toBe(true);
    // Once the pointer rests, the trail fades away and the dot stays where it is.
    for (const page of [presenter, follower]) {
      await expect(overlayOf(page).locator('.podium-laser circle')).toHaveCount(1);
      expect(near({ x: 0.7, y: 0.6 })(await laserDot(overlayOf(page)))).toBe(true);
    }
    // L again puts it away everywhere.
    await speaker.keyboard.press('l');
    for (const page of [presenter, follower]) await expect.poll(() => laserDot(overlayOf(page))).toBeNull();

    // Held down with no tool chosen, the mouse points the laser, and only while held; nothing is drawn.
    await dragOn(speaker, overlayOf(speaker, true), [0.2, 0.2], [0.5, 0.3], { hold: true });
    for (const page of [presenter, follower]) await expect.poll(async () => near({ x: 0.5, y: 0.3 })(await laserDot(overlayOf(page)))).toBe(true);
    await speaker.mouse.up();
    for (const page of [presenter, follower]) await expect.poll(() => laserDot(overlayOf(page))).toBeNull();
    await expectStrokes(overlayOf(follower), 0);
    await presenterContext.close();
    await audienceContext.close();
  });

  test('the whiteboard (W) is a page of its own to draw on, on the presentation and a follower', async ({ browser }) => {
    served = await servePresenting(deck);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(context, served.followUrl);
    await speaker.keyboard.press('d');
    await dragOn(speaker, overlayOf(speaker, true), [0.1, 0.1], [0.2, 0.2]);
    await speaker.keyboard.press('w');
    await expect(presenter.locator('.podium-whiteboard')).toBeVisible();
    for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 0);
    await dragOn(speaker, overlayOf(speaker, true), [0.4, 0.4], [0.8, 0.7]);
    for (const page of [presenter, follower]) {
      await expectStrokes(overlayOf(page), 1);
      await expect(overlayOf(page).locator('.podium-drawing-board')).toBeVisible();
      const [drawn] = await strokeBoxes(overlayOf(page));
      expectSameSpot(drawn as NonNullable<typeof drawn>, (await strokeBoxes(overlayOf(speaker, true)))[0] as NonNullable<typeof drawn>);
      // The board's drawing is above the white sheet: on screen, the pen's red.
      const [red, green] = await reddestNear(page, overlayOf(page), [0.6, 0.55]);
      expect(red - green).toBeGreaterThan(100);
    }
    // Back on the slide, its own drawing; on the whiteboard again, the board's.
    await speaker.keyboard.press('w');
    await expect(presenter.locator('.podium-whiteboard')).toBeHidden();
    for (const page of [presenter, follower]) {
      await expectStrokes(overlayOf(page), 1);
      await expect(overlayOf(page).locator('.podium-drawing-board')).toBeHidden();
    }
    await speaker.keyboard.press('w');
    for (const page of [presenter, follower]) await expect(overlayOf(page).locator('.podium-drawing-board')).toBeVisible();
    await context.close();
  });

  test('a save that fails says so, and the drawings stay on screen', async ({ browser }) => {
    // `.podium` is a file: no folder can be made there, so nothing can be saved.
    await writeFile(join(deck, '.podium'), 'not a folder');
    served = await servePresenting(deck);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    await speaker.keyboard.press('d');
    await dragOn(speaker, overlayOf(speaker, true), [0.3, 0.3], [0.6, 0.5]);
    await expectStrokes(overlayOf(presenter), 1);
    await speaker.getByRole('button', { name: 'Save drawings' }).click();
    await expect(speaker.locator('.speaker-draw-status')).toContainText('Drawings not saved:');
    await expectStrokes(overlayOf(speaker, true), 1);
    await expectStrokes(overlayOf(presenter), 1);
    await context.close();
  });

  test("the presentation's ? help lists every drawing key", async ({ browser }) => {
    served = await servePresenting(deck);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const presenter = await openPresenter(context, served.url);
    await presenter.keyboard.press('Shift+Slash');
    const help = presenter.locator('.r-overlay-help');
    for (const line of ['Draw on the slide with the pen', 'highlighter', 'arrow', 'eraser', 'Undo the last drawing change', 'Clear the drawings', 'Laser pointer', 'Pen colour', 'Whiteboard']) {
      await expect(help).toContainText(line);
    }
    await context.close();
  });

  test('a pen’s pressure and a finger draw too, and a stroke drawn at a fragment step shows from that step on', async ({ browser }) => {
    served = await servePresenting(deck);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: true });
    const presenter = await openPresenter(context, served.url);
    const speaker = await openSpeakerView(presenter);
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: 0 });
    await presenter.keyboard.press('d');
    // A pen pressing harder as it goes, as a tablet reports it.
    await overlayOf(presenter).evaluate((element) => {
      const svg = element as unknown as { getBoundingClientRect(): { left: number; top: number; width: number; height: number }; dispatchEvent(event: unknown): void };
      const box = svg.getBoundingClientRect();
      const Pointer = (globalThis as unknown as { PointerEvent: new (type: string, init: object) => unknown }).PointerEvent;
      const send = (type: string, step: number) =>
        svg.dispatchEvent(new Pointer(type, { pointerId: 7, pointerType: 'pen', pressure: 0.1 + step * 0.08, button: 0, buttons: 1, bubbles: true, clientX: box.left + box.width * (0.2 + step * 0.05), clientY: box.top + box.height * 0.8 }));
      send('pointerdown', 0);
      for (let step = 1; step <= 10; step++) send('pointermove', step);
      send('pointerup', 10);
    });
    await expectStrokes(overlayOf(speaker, true), 1);
    // A finger on a touch screen: a stroke, and no swipe to another slide.
    const box = await overlayOf(presenter).boundingBox();
    const client = await context.newCDPSession(presenter);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      client.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: (box?.x ?? 0) + (box?.width ?? 0) * x, y: (box?.y ?? 0) + (box?.height ?? 0) * 0.5 }],
      });
    await touch('touchStart', 0.8);
    for (const x of [0.7, 0.6, 0.5, 0.4, 0.3]) await touch('touchMove', x);
    await touch('touchEnd', 0.3);
    await expectStrokes(overlayOf(speaker, true), 2);
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: 0 });

    await speaker.getByRole('button', { name: 'Save drawings' }).click();
    await expect(speaker.locator('.speaker-draw-status')).toHaveText('Drawings saved');
    const saved = JSON.parse(await readFile(join(deck, DRAWINGS_FILE), 'utf8')) as { pages: Record<string, { f: number; points: number[][] }[]> };
    const [pen, finger] = saved.pages['1/0'] ?? [];
    const pressures = (pen?.points ?? []).map((point) => point[2] ?? 0);
    expect(Math.min(...pressures)).toBeLessThan(0.2);
    expect(Math.max(...pressures)).toBeGreaterThan(0.8);
    expect(pen?.f).toBe(0);
    expect(finger?.points.length).toBeGreaterThan(3);

    // Back a step, before the fragment both were drawn at: not shown; forward again: shown.
    await speaker.keyboard.press('ArrowLeft');
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expectStrokes(overlayOf(presenter), 0);
    await speaker.keyboard.press('ArrowRight');
    await expectStrokes(overlayOf(presenter), 2);
    await context.close();
  });
});
