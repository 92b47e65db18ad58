// @vitest-environment happy-dom
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitOutRevealTimers } from '../reveal-teardown';
import { fakeDeckApi } from '../fake-deck-api';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { themeUrl } from '../../../src/renderer/deck-view/themes';
import { SpeakerView } from '../../../src/renderer/speaker/speaker-view';


describe('SpeakerView', () => {
  const deck = buildDeck({ fallbackTitle: 'deck', segments: [{ file: 'a.md', source: '# One\n\n---\n\n# Two\n\n---\n\n# Three\n' }] });
  let host: ReturnType<typeof fakeDeckApi>;
  let view: SpeakerView;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    document.body.innerHTML = '<div class="reveal"></div>';
    // Already pointing at the deck's theme, the view does not wait for a stylesheet happy-dom cannot fetch.
    if (!document.getElementById('podium-theme')) {
      const theme = document.createElement('link');
      theme.id = 'podium-theme';
      theme.setAttribute('href', themeUrl(deck.settings.theme));
      document.head.append(theme);
    }
    host = fakeDeckApi(deck);
    view = new SpeakerView(host.api);
    await view.start(document.querySelector<HTMLElement>('.reveal')!);
  });
  afterEach(() => {
    view.destroy();
    vi.useRealTimers();
  });

  it('while started, listens to the host, the keys and its clock', () => {
    expect(host.deckListeners.size).toBe(1);
    expect(host.stateListeners.size).toBe(1);
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(host.sent).toHaveLength(1);
  });

  it('once destroyed, releases its host listeners and timer and takes no key', () => {
    const timers = vi.getTimerCount();
    view.destroy();
    expect(host.deckListeners.size).toBe(0);
    expect(host.stateListeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(timers - 1);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    document.querySelector<HTMLButtonElement>('.podium-speaker-page button')?.click();
    expect(host.sent).toHaveLength(0);
  });
});

afterAll(waitOutRevealTimers);
