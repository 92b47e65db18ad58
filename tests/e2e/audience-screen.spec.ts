import { expect, test, type Page } from '@playwright/test';
import { openPresenter, openSpeakerView, servePresenting, type PresentingServer } from './present-support';
import { CEREMONY_DECK } from '../support/podium-cli';
import { dragOn, expectStrokes, laserDot, overlayOf } from './drawing-support';

let served: PresentingServer | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

/** What a presentation or follower page shows its audience: the slide, black (reveal.js's pause) or the whiteboard. */
async function audienceSees(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    if (window.Reveal.isPaused()) return 'black';
    const board = document.querySelector('.reveal .podium-whiteboard');
    return board && !board.hidden && getComputedStyle(board).display !== 'none' ? 'white' : 'slide';
  })()`) as Promise<string>;
}

test('B and W black out and whiteboard the audience screen from the presentation or the speaker view, on every follower', async ({ browser }) => {
  served = await servePresenting(CEREMONY_DECK);
  const presenterContext = await browser.newContext();
  const audienceContext = await browser.newContext();
  const presenter = await openPresenter(presenterContext, served.url);
  const speaker = await openSpeakerView(presenter);
  const follower = await openPresenter(audienceContext, served.followUrl);
  const badge = speaker.locator('.speaker-screen-badge');

  await presenter.keyboard.press('w');
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('white');
  await expect(badge).toHaveText('The audience sees the whiteboard');
  await expect(follower.locator('.reveal .podium-whiteboard')).toBeVisible();

  await presenter.keyboard.press('b');
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('black');
  await expect(badge).toHaveText('The audience sees a black screen');

  // The speaker view's own keys and buttons do the same.
  await speaker.keyboard.press('b');
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('slide');
  await expect(badge).toBeHidden();
  await speaker.getByRole('button', { name: 'Whiteboard' }).click();
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('white');
  await expect(speaker.getByRole('button', { name: 'Whiteboard' })).toHaveAttribute('aria-pressed', 'true');

  // Moving on shows the next slide again, everywhere.
  await speaker.keyboard.press('ArrowRight');
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('slide');
  await expect(badge).toBeHidden();

  // A follower joining while the screen is black starts black.
  await presenter.keyboard.press('.');
  await expect.poll(() => audienceSees(presenter)).toBe('black');
  const latecomer = await openPresenter(audienceContext, served.followUrl);
  await expect.poll(() => audienceSees(latecomer)).toBe('black');

  await presenterContext.close();
  await audienceContext.close();
});

test('the help overlay lists W for the whiteboard beside B for black', async ({ page }) => {
  served = await servePresenting(CEREMONY_DECK);
  await page.goto(served.url);
  await expect(page.locator('html[data-podium-ready]')).toBeAttached();
  await page.keyboard.press('Shift+Slash');
  await expect(page.locator('.r-overlay-help')).toContainText('Whiteboard: a blank white screen');
});

test('W is a board to draw on at once: the pen is in hand, its strokes reach followers (one joining later too), and back on the slide the pen is put down', async ({ browser }) => {
  served = await servePresenting(CEREMONY_DECK);
  const presenterContext = await browser.newContext();
  const audienceContext = await browser.newContext();
  const presenter = await openPresenter(presenterContext, served.url);
  const speaker = await openSpeakerView(presenter);
  const follower = await openPresenter(audienceContext, served.followUrl);
  const pen = speaker.locator('.speaker-draw-toolbar .speaker-draw-tool', { hasText: 'Pen' });

  await expect(pen).toHaveAttribute('aria-pressed', 'false');
  await speaker.keyboard.press('w');
  for (const page of [presenter, follower]) await expect.poll(() => audienceSees(page)).toBe('white');
  await expect(pen).toHaveAttribute('aria-pressed', 'true');
  // No D needed: a drag on NOW draws on the board.
  await dragOn(speaker, overlayOf(speaker, true), [0.3, 0.3], [0.7, 0.6]);
  for (const page of [presenter, follower]) {
    await expectStrokes(overlayOf(page), 1);
    await expect(overlayOf(page).locator('.podium-drawing-board')).toBeVisible();
  }
  const latecomer = await openPresenter(audienceContext, served.followUrl);
  await expect.poll(() => audienceSees(latecomer)).toBe('white');
  await expectStrokes(overlayOf(latecomer), 1);

  // Back on the slide: the pen is down, a drag draws nothing, and the slide has none of the board's strokes.
  await speaker.keyboard.press('w');
  for (const page of [presenter, follower, latecomer]) await expect.poll(() => audienceSees(page)).toBe('slide');
  await expect(pen).toHaveAttribute('aria-pressed', 'false');
  await dragOn(speaker, overlayOf(speaker, true), [0.3, 0.3], [0.7, 0.6]);
  // Proof that nothing was sent: a laser (L) point reaches the follower while it still shows no stroke.
  await speaker.keyboard.press('l');
  await dragOn(speaker, overlayOf(speaker, true), [0.5, 0.5], [0.52, 0.5]);
  await expect.poll(() => laserDot(overlayOf(follower))).not.toBeNull();
  for (const page of [presenter, follower]) await expectStrokes(overlayOf(page), 0);

  // A pen picked up by hand (D) stays in hand when the board is left.
  await speaker.keyboard.press('l');
  await speaker.keyboard.press('w');
  await expect(pen).toHaveAttribute('aria-pressed', 'true');
  await speaker.keyboard.press('d');
  await speaker.keyboard.press('d');
  await speaker.keyboard.press('w');
  await expect(pen).toHaveAttribute('aria-pressed', 'true');

  await presenterContext.close();
  await audienceContext.close();
});
