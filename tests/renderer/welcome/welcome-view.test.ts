// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WelcomeApi } from '../../../src/shared/welcome-api';
import { WelcomeView } from '../../../src/renderer/welcome/welcome-view';

describe('WelcomeView', () => {
  let api: WelcomeApi & { openRecent: ReturnType<typeof vi.fn> };
  let view: WelcomeView;
  const recentButton = (): HTMLButtonElement | undefined =>
    [...document.querySelectorAll<HTMLButtonElement>('.podium-welcome-recent button')][0];

  beforeEach(async () => {
    document.body.replaceChildren();
    api = {
      recentDecks: async () => [{ path: '/decks/talk', title: 'Talk' }],
      // Cancelled, so that a choice leaves the page where it is.
      openRecent: vi.fn(async () => false),
      openFolder: async () => false,
      newDeck: async () => false,
      openSample: async () => false,
    };
    view = new WelcomeView(api, document.body);
    await view.start();
  });

  it('while started, runs the choice a button names', async () => {
    recentButton()?.click();
    await vi.waitFor(() => expect(api.openRecent).toHaveBeenCalledWith('/decks/talk'));
  });

  it('once destroyed, is gone and its buttons run nothing', () => {
    const button = recentButton()!;
    view.destroy();
    expect(document.querySelector('.podium-welcome')).toBeNull();
    button.click();
    expect(api.openRecent).not.toHaveBeenCalled();
  });
});
