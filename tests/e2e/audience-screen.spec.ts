import { expect, test, type Page } from '@playwright/test';
import { openPresenter, openSpeakerView, servePresenting, type PresentingServer } from './present-support';
import { CEREMONY_DECK } from '../support/podium-cli';

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
