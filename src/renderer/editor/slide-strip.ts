import type { Deck, Slide } from '../../shared/deck/model';
import { h } from '../dom';
import { buildSection } from '../deck-view/slide-elements';

const THUMB_WIDTH = 160;

/**
 * Every slide of the deck as a miniature under the preview, drawn with the deck's own theme; the
 * current one is marked. A miniature is rebuilt only when its slide changed.
 */
export class SlideStrip {
  private readonly element: HTMLOListElement;
  private readonly cache = new Map<string, HTMLElement>();

  constructor(parent: HTMLElement, private readonly onPick: (slide: Slide) => void) {
    this.element = h('ol', { className: 'podium-slide-strip' });
    parent.append(this.element);
  }

  render(deck: Deck, current: { h: number; v?: number }): void {
    const used = new Set<string>();
    const scale = THUMB_WIDTH / deck.settings.width;
    this.element.replaceChildren(
      ...deck.slides.map((slide, index) => {
        const key = JSON.stringify([deck.settings.width, slide.segment, slide.markdown, slide.attributes, slide.error]);
        // Two slides alike (a repeated "Questions?") share a key, not an element: one node appended
        // to two buttons would leave the first one empty.
        const twin = used.has(key);
        used.add(key);
        let miniature = twin ? undefined : this.cache.get(key);
        if (!miniature) {
          miniature = this.miniature(deck, slide, scale);
          if (!twin) this.cache.set(key, miniature);
        }
        const isCurrent = slide.h === current.h && slide.v === (current.v ?? 0);
        const button = h(
          'button',
          {
            type: 'button',
            className: [isCurrent && 'current', slide.error && 'error'].filter(Boolean).join(' '),
            dataset: { h: String(slide.h), v: String(slide.v) },
            title: slide.error ? slide.error.message : (slide.title ?? '(untitled)'),
            attrs: { 'aria-current': isCurrent ? 'true' : undefined },
            on: { click: () => this.onPick(slide) },
          },
          miniature,
          h('span', { className: 'podium-thumb-number', attrs: { 'aria-hidden': 'true' } }, String(index + 1)),
          // The button's name, read out in place of the miniature (hidden from readers, below).
          // Text, not aria-label: the miniature's visible words are not the name, and axe-core
          // (WCAG 2.5.3) wants a label to contain the visible text.
          h('span', { className: 'podium-visually-hidden' }, `Slide ${index + 1}: ${slide.error ? 'error' : (slide.title ?? 'untitled')}`),
        );
        return h('li', {}, button);
      }),
    );
    for (const key of this.cache.keys()) if (!used.has(key)) this.cache.delete(key);
  }

  /** The slide at the deck's size inside a `.reveal`, so that the theme applies, scaled down. */
  private miniature(deck: Deck, slide: Slide, scale: number): HTMLElement {
    const section = buildSection(deck, slide, document);
    section.querySelector('aside.notes')?.remove();
    const background = section.getAttribute('data-background-color');
    const image = section.getAttribute('data-background-image');
    const reveal = h(
      'div',
      {
        className: 'reveal podium-thumb-deck',
        style: {
          width: `${deck.settings.width}px`,
          height: `${deck.settings.height}px`,
          transform: `scale(${scale})`,
          ...(background && { backgroundColor: background }),
          ...(image && { backgroundImage: `url("${image}")` }),
        },
      },
      h('div', { className: 'slides' }, section),
    );
    // A picture of the slide inside a button: its links must be neither tab stops nor controls
    // nested in a control, and a screen reader reads the button's name, not every miniature.
    return h('div', { className: 'podium-thumb-frame', inert: true, attrs: { 'aria-hidden': 'true' }, style: { height: `${Math.round(deck.settings.height * scale)}px` } }, reveal);
  }
}
