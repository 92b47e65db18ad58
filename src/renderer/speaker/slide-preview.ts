import Reveal, { type RevealApi } from 'reveal.js';
import type { Deck } from '../../shared/deck/model';
import { presenterStateOf, samePresenterState, type PresenterState } from '../../shared/present/presenter-state';
import { highlightCodeIn, highlightPluginsFor } from '../deck-view/code-highlight';
import { buildSlideElements } from '../deck-view/slide-elements';

/**
 * A small, inert reveal.js deck inside the speaker view: the same slides as the presentation, laid
 * out the same way, but with no keys, controls or history of its own. Used to show a slide, and
 * to ask reveal.js where "next" and "previous" lead (a fragment step or another slide).
 */
export class SlidePreview {
  private reveal: RevealApi | null = null;

  constructor(private readonly root: HTMLElement) {}

  async show(deck: Deck): Promise<void> {
    this.renderSlides(deck);
    this.root.style.aspectRatio = `${deck.settings.width} / ${deck.settings.height}`;
    this.root.style.setProperty('--podium-preview-aspect', String(deck.settings.width / deck.settings.height));
    this.reveal = new Reveal(this.root, {
      embedded: true,
      plugins: await highlightPluginsFor(this.root),
      width: deck.settings.width,
      height: deck.settings.height,
      margin: 0,
      center: true,
      keyboard: false,
      controls: false,
      progress: false,
      slideNumber: false,
      hash: false,
      history: false,
      touch: false,
      mouseWheel: false,
      help: false,
      overview: false,
      previewLinks: false,
      hideInactiveCursor: false,
      transition: 'none',
      backgroundTransition: 'none',
    });
    await this.reveal.initialize();
    // reveal.js scales its slide on window resizes only; the preview's box also changes when the
    // speaker view's grid does (the drawing toolbar added below NOW, the notes growing): a stale
    // scale left the slide larger than its box, cropped and shifted.
    new ResizeObserver(() => this.reveal?.layout()).observe(this.root);
  }

  update(deck: Deck): void {
    if (!this.reveal) return;
    const { h, v, f } = this.reveal.getIndices();
    this.renderSlides(deck);
    void highlightCodeIn(this.reveal, this.root);
    this.reveal.sync();
    this.reveal.slide(h, v, f);
  }

  goTo(state: PresenterState): void {
    this.reveal?.slide(state.h, state.v, state.f);
  }

  /**
   * Where one step from `state` leads, as the presentation's own keys would go (the next fragment
   * first, then the next slide); null at either end of the deck. Leaves this preview there.
   */
  step(state: PresenterState, direction: 'next' | 'previous'): PresenterState | null {
    const reveal = this.reveal;
    if (!reveal) return null;
    this.goTo(state);
    if (direction === 'next') reveal.next();
    else reveal.prev();
    const reached = presenterStateOf(reveal.getIndices());
    return samePresenterState(reached, presenterStateOf(state)) ? null : reached;
  }

  private renderSlides(deck: Deck): void {
    const slides = this.root.querySelector('.slides');
    if (!slides) throw new Error('a slide preview needs a .slides element');
    const sections = buildSlideElements(deck, document);
    // A picture of the slide, not a place to work: its links would be tab stops (and would move
    // the speaker view's own page), and a screen reader would read every slide of the deck.
    for (const section of sections) section.inert = true;
    slides.replaceChildren(...sections);
    this.root.lang = deck.settings.lang;
  }
}
