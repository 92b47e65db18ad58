import Reveal, { type RevealApi, type TransitionStyle } from 'reveal.js';
import RevealHighlight from 'reveal.js/plugin/highlight';
import { READY_ATTRIBUTE } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import type { PrintLayout } from '../../shared/export/export-options';
import { buildSlideElements } from './slide-elements';
import { applyDeckStylesheets } from './stylesheets';

export interface PresentationOptions {
  /** The print layout every PDF export uses: one page per slide at the deck's size. */
  printView: boolean;
  /** What an export asked of the print view: fragment steps, notes pages. */
  print?: PrintLayout;
}

/** The deck on screen: reveal.js over the slides built from the model, updated in place on change. */
export class Presentation {
  private reveal: RevealApi | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: PresentationOptions,
  ) {}

  async show(deck: Deck): Promise<void> {
    await applyDeckStylesheets(deck.settings, document);
    this.renderSlides(deck);
    document.title = deck.title;
    this.reveal = new Reveal(this.root, {
      transition: (deck.settings.transition ?? 'slide') as TransitionStyle,
      plugins: [RevealHighlight],
      hash: true,
      width: deck.settings.width,
      height: deck.settings.height,
      // Print pages are the slide size plus this margin: none, so a page is exactly the deck's size.
      margin: this.options.printView ? 0 : 0.04,
      center: true,
      controls: !this.options.printView,
      progress: true,
      slideNumber: 'c/t',
      view: this.options.printView ? 'print' : null,
      // Each slide is one page in its final state unless the export asks for every fragment step;
      // an overflowing slide is clipped, never split.
      pdfSeparateFragments: this.options.print?.fragments ?? false,
      // reveal.js accepts 'separate-page' (a notes page after each slide) though its types say boolean.
      showNotes: (this.options.print?.notes === 'pages' ? 'separate-page' : false) as boolean,
      pdfMaxPagesPerSlide: 1,
    });
    await this.reveal.initialize();
    // Decks conventionally expose their instance as `window.Reveal` (decktape and others rely on it).
    Object.assign(window, { Reveal: this.reveal });
    await whenContentLoaded(this.root);
    document.documentElement.setAttribute(READY_ATTRIBUTE, '');
  }

  /** Replaces the slides and stays on the slide (and fragment) that was showing. */
  async update(deck: Deck): Promise<void> {
    const reveal = this.reveal;
    if (!reveal) return;
    await applyDeckStylesheets(deck.settings, document);
    const { h, v, f } = reveal.getIndices();
    this.renderSlides(deck);
    document.title = deck.title;
    reveal.configure({ transition: (deck.settings.transition ?? 'slide') as TransitionStyle });
    const highlight = reveal.getPlugin('highlight') as { highlightBlock?: (block: HTMLElement) => void } | undefined;
    this.root.querySelectorAll<HTMLElement>('pre code').forEach((block) => highlight?.highlightBlock?.(block));
    reveal.sync();
    reveal.slide(h, v, f);
  }

  private renderSlides(deck: Deck): void {
    const slides = this.root.querySelector('.slides');
    if (!slides) throw new Error('the page has no .reveal .slides element');
    slides.replaceChildren(...buildSlideElements(deck, document));
  }
}

/** Waits for fonts and for every image to load or fail, so that a PDF never shows a half-loaded slide. */
async function whenContentLoaded(root: HTMLElement): Promise<void> {
  await document.fonts.ready;
  const pending = [...root.querySelectorAll('img')].filter((image) => !image.complete);
  await Promise.all(
    pending.map(
      (image) =>
        new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
}
