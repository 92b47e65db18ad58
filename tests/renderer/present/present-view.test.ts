// @vitest-environment happy-dom
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { waitOutRevealTimers } from '../reveal-teardown';
import { fakeDeckApi } from '../fake-deck-api';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import type { Deck } from '../../../src/shared/deck/model';
import { themeUrl } from '../../../src/renderer/deck-view/themes';
import { PresentView } from '../../../src/renderer/present/present-view';

/** The text of each slide on screen (the deck's Markdown is rendered by its host; here it is the text). */
const slideTexts = (root: HTMLElement): string[] => [...root.querySelectorAll('.slides > section')].map((section) => section.textContent!.trim());

const deckOf = (source: string): Deck => buildDeck({ fallbackTitle: 'deck', segments: [{ file: 'a.md', source }] });

describe('PresentView', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div class="reveal"><div class="slides"></div></div>';
    // Already pointing at the deck's theme, the view does not wait for a stylesheet happy-dom cannot fetch.
    if (!document.getElementById('podium-theme')) {
      const theme = document.createElement('link');
      theme.id = 'podium-theme';
      theme.setAttribute('href', themeUrl(deckOf('# x').settings.theme));
      document.head.append(theme);
    }
    // happy-dom has no FontFaceSet: the view waits for fonts before it lays out its slides.
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { ready: Promise.resolve() } });
  });
  afterAll(waitOutRevealTimers);

  it('shows the deck, follows its changes while started, and releases the host and reveal.js once destroyed', async () => {
    const host = fakeDeckApi(deckOf('# One\n\n---\n\n# Two\n'));
    const root = document.querySelector<HTMLElement>('.reveal')!;
    const view = new PresentView(host.api, root, 'present');
    await view.start();
    expect(slideTexts(root)).toEqual(['One', 'Two']);
    expect(host.deckListeners.size).toBe(1);
    expect(host.drawingListeners.size).toBe(1);

    for (const listener of host.deckListeners) listener(deckOf('# One\n\n---\n\n# Two, edited\n'));
    await expect.poll(() => slideTexts(root)[1]).toBe('Two, edited');

    view.destroy();
    expect(host.deckListeners.size).toBe(0);
    expect(host.stateListeners.size).toBe(0);
    expect(host.drawingListeners.size).toBe(0);
    // reveal.js takes its controls and progress bar away with its listeners.
    expect(root.querySelector('.controls')).toBeNull();
    expect(root.classList.contains('ready')).toBe(false);
  });

  it('as a follower, moves only with the presenter and announces nothing', async () => {
    const host = fakeDeckApi(deckOf('# One\n\n---\n\n# Two\n'));
    const root = document.querySelector<HTMLElement>('.reveal')!;
    const view = new PresentView(host.api, root, 'follow');
    await view.start();
    expect(host.stateListeners.size).toBe(1);
    for (const listener of host.stateListeners) listener({ h: 1, v: 0, f: -1 });
    expect(root.querySelector('.slides > section.present')?.textContent?.trim()).toBe('Two');
    expect(host.sent).toHaveLength(0);
    view.destroy();
    expect(host.stateListeners.size).toBe(0);
  });
});
