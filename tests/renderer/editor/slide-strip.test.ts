// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { SlideStrip } from '../../../src/renderer/editor/slide-strip';

const deckOf = (source: string) => buildDeck({ fallbackTitle: 'deck', segments: [{ file: '1-a.md', source }] });

describe('SlideStrip', () => {
  let parent: HTMLElement;
  let strip: SlideStrip;
  const buttons = (): HTMLButtonElement[] => [...parent.querySelectorAll<HTMLButtonElement>('.podium-slide-strip button')];
  // The slide's words as drawn in its miniature (happy-dom's sanitizer keeps the text, not the tags).
  const drawn = (button: HTMLButtonElement): string | undefined => button.querySelector('.podium-thumb-frame section')?.textContent.trim();

  beforeEach(() => {
    document.body.replaceChildren();
    parent = document.createElement('section');
    document.body.append(parent);
    strip = new SlideStrip(parent, vi.fn());
  });

  describe('when two slides are alike', () => {
    it('draws a miniature in each of their buttons, on the first render and the next', () => {
      const deck = deckOf('## Questions?\n\n---\n\n## Questions?\n\n---\n\n## Thanks\n');
      for (let render = 0; render < 2; render += 1) {
        strip.render(deck, { h: 0 });
        expect(buttons().map(drawn)).toEqual(['Questions?', 'Questions?', 'Thanks']);
      }
    });
  });

  it('keeps the miniature of a slide that did not change from one render to the next', () => {
    strip.render(deckOf('## One\n\n---\n\n## Two\n'), { h: 0 });
    const first = buttons()[0]!.querySelector('.podium-thumb-frame');
    strip.render(deckOf('## One\n\n---\n\n## Two, typed\n'), { h: 1 });
    expect(buttons()[0]!.querySelector('.podium-thumb-frame')).toBe(first);
    expect(drawn(buttons()[1]!)).toBe('Two, typed');
  });
});
