import Reveal, { type RevealApi, type RevealConfig, type TransitionStyle } from 'reveal.js';
import { READY_ATTRIBUTE } from '../../shared/api';
import type { Deck } from '../../shared/deck/model';
import type { PrintLayout } from '../../shared/export/export-options';
import { buildSection, buildSlideElements } from './slide-elements';
import { applyDeckStylesheets } from './stylesheets';
import { whenContentLoaded } from './content-loaded';
import { keepBackgroundImagesOnSlide } from './slide-area-backgrounds';
import { keepControlsClearOfSlideNumber } from './controls-clearance';
import { highlightCodeIn, highlightPluginsFor } from './code-highlight';
import { exposeRevealToScripts } from './scripted-reveal';
import { OptionalPlugins } from './optional-plugins';

export interface DeckViewOptions {
  /** The print layout every PDF export uses: one page per slide at the deck's size. */
  printView: boolean;
  /** What an export asked of the print view: fragment steps, notes pages. */
  print?: PrintLayout;
  /** A preview inside another view (the editor): no URL hash, no keyboard of its own. */
  embedded?: boolean;
  /** Runs once the slides are laid out and their images loaded, before the page says it is ready. */
  beforeReady?: () => Promise<void>;
}

/** The deck on screen: reveal.js over the slides built from the model, updated in place on change. */
export class DeckView {
  private reveal: RevealApi | null = null;
  private deck: Deck | null = null;
  /** Zoom and search, as deck.yaml asks for them now. */
  private optionalPlugins = new OptionalPlugins();

  constructor(
    private readonly root: HTMLElement,
    private readonly options: DeckViewOptions,
  ) {}

  async show(deck: Deck): Promise<void> {
    await applyDeckStylesheets(deck.settings, document);
    this.renderSlides(deck);
    this.deck = deck;
    const embedded = this.options.embedded ?? false;
    this.showTitleAndLanguage(deck);
    // The deck's own reveal.js options (deck.yaml) over Podium's defaults, under what each view
    // must have: an embedded preview takes no keys and no hash, a print page no controls.
    const deckOptions = deck.settings.reveal ?? {};
    this.optionalPlugins = new OptionalPlugins();
    this.reveal = new Reveal(this.root, {
      transition: (deck.settings.transition ?? 'slide') as TransitionStyle,
      plugins: [...(await highlightPluginsFor(this.root)), ...(await this.optionalPlugins.factoriesFor(this.presents ? deck.settings.plugins : []))],
      center: true,
      controls: true,
      progress: true,
      slideNumber: 'c/t',
      ...(deckOptions as Partial<RevealConfig>),
      embedded,
      keyboard: !embedded,
      hash: !embedded && (deckOptions.hash ?? true),
      width: deck.settings.width,
      height: deck.settings.height,
      // None on stage, as in Keynote and Marp: the slide fills the screen edge to edge (letterboxed
      // where the screen's shape differs), exactly as its PDF page shows it. Print pages are the
      // slide size plus this margin: none, so a page is exactly the deck's size. Only the editor's
      // small preview keeps reveal.js's margin around the slide.
      margin: embedded ? 0.04 : (deckOptions.margin ?? 0),
      // The editor's preview follows the cursor: reveal.js's arrows would only cover the slide.
      ...(this.options.printView || embedded ? { controls: false } : {}),
      view: this.options.printView ? 'print' : null,
      // Each slide is one page in its final state unless the export asks for every fragment step;
      // an overflowing slide is clipped, never split.
      pdfSeparateFragments: this.options.print?.fragments ?? false,
      // reveal.js accepts 'separate-page' (a notes page after each slide) though its types say boolean.
      showNotes: (this.options.print?.notes === 'pages' ? 'separate-page' : false) as boolean,
      pdfMaxPagesPerSlide: 1,
    });
    // reveal.js lays out print pages after initialize() resolves; it says when with `pdf-ready`.
    const printLaidOut = this.options.printView ? new Promise((resolve) => this.root.addEventListener('pdf-ready', resolve, { once: true })) : null;
    // reveal.js centres each print page's content by its height once, when it lays the pages out:
    // an image still loading then is counted as nothing, and the page shows the slide lower than
    // the presenter saw it. Fonts and images first, then the layout.
    if (this.options.printView) await whenContentLoaded(this.root, { printed: true });
    await this.reveal.initialize();
    await printLaidOut;
    if (!this.options.printView) keepBackgroundImagesOnSlide(this.reveal, this.root);
    // Decks conventionally expose their instance as `window.Reveal` (decktape and others rely on it).
    exposeRevealToScripts(this.reveal);
    await whenContentLoaded(this.root, { printed: this.options.printView });
    keepControlsClearOfSlideNumber(this.root);
    // reveal.js's slide number is a link to the slide: in the editor's preview, which follows the
    // cursor, it is a label to read, not a stop on the keyboard's way through the view.
    if (embedded) this.root.querySelector('.slide-number')?.setAttribute('inert', '');
    await this.options.beforeReady?.();
    document.documentElement.setAttribute(READY_ATTRIBUTE, '');
  }

  /** A deck on stage, not a print page or the editor's preview: the one that zoom and search serve. */
  private get presents(): boolean {
    return !this.options.printView && !this.options.embedded;
  }

  get revealApi(): RevealApi | null {
    return this.reveal;
  }

  /** Takes reveal.js's listeners, timers and DOM additions away; the view shows nothing after. */
  destroy(): void {
    this.reveal?.destroy();
    this.reveal = null;
    this.deck = null;
  }

  /**
   * Shows a changed deck and stays on the slide (and fragment) that was showing. When only the
   * text of some slides changed, only those slides are rebuilt: an edit costs one slide, not the deck.
   */
  async update(deck: Deck): Promise<void> {
    const reveal = this.reveal;
    if (!reveal) return;
    const previous = this.deck;
    this.deck = deck;
    if (previous && this.updateChangedSlides(reveal, previous, deck)) return;
    await applyDeckStylesheets(deck.settings, document);
    const { h, v, f } = reveal.getIndices();
    this.renderSlides(deck);
    this.showTitleAndLanguage(deck);
    reveal.configure({ transition: (deck.settings.transition ?? 'slide') as TransitionStyle });
    await highlightCodeIn(reveal, this.root);
    if (this.presents) await this.optionalPlugins.update(reveal, deck.settings.plugins);
    reveal.sync();
    reveal.slide(h, v, f);
    keepControlsClearOfSlideNumber(this.root);
  }

  /** False when the deck's shape or settings changed, and the whole deck must be rebuilt. */
  private updateChangedSlides(reveal: RevealApi, previous: Deck, next: Deck): boolean {
    const changed = changedSlides(previous, next);
    if (changed === null) return false;
    for (const [index, after] of next.slides.entries()) {
      if (previous.slides[index]?.line !== after.line) reveal.getSlide(after.h, after.v)?.setAttribute('data-podium-line', String(after.line));
    }
    for (const index of changed) {
      const slide = next.slides[index];
      const section = slide ? reveal.getSlide(slide.h, slide.v) : undefined;
      if (!slide || !section) return false;
      rebuildSection(next, slide, section);
      void highlightCodeIn(reveal, section);
      reveal.syncSlide(section);
    }
    return true;
  }

  /**
   * The print view's counterpart of `update`, for `podium export --watch`: when only the text of
   * some slides changed, those slides are rebuilt and centred on their pages again as reveal.js's
   * print view centres them, and the page is ready to print without being loaded again. False
   * when the deck must be laid out anew (its shape changed, or pages repeat slides: fragment steps,
   * notes pages).
   */
  async refreshPrinted(next: Deck): Promise<boolean> {
    const { reveal, deck: previous } = this;
    const print = this.options.print;
    if (!reveal || !previous || !print || print.fragments || print.notes !== 'none') return false;
    const changed = changedSlides(previous, next);
    const sections = [...this.root.querySelectorAll<HTMLElement>('.pdf-page section[data-podium-line]')];
    if (changed === null || sections.length !== next.slides.length) return false;
    this.deck = next;
    for (const [index, slide] of next.slides.entries()) sections[index]?.setAttribute('data-podium-line', String(slide.line));
    const rebuilt = changed.flatMap((index) => {
      const slide = next.slides[index];
      const section = sections[index];
      if (!slide || !section) return [];
      rebuildSection(next, slide, section);
      // The print view shows every fragment in its final state.
      for (const fragment of section.querySelectorAll('.fragment:not(.fade-out)')) fragment.classList.add('visible');
      return [section];
    });
    await Promise.all(rebuilt.map((section) => highlightCodeIn(reveal, section)));
    await whenContentLoaded(this.root, { printed: true });
    const pageHeight = next.settings.height;
    for (const section of rebuilt) {
      if (section.classList.contains('stack')) continue;
      section.style.top = `${Math.max((pageHeight - section.scrollHeight) / 2, 0)}px`;
    }
    await this.options.beforeReady?.();
    return true;
  }

  /** The page's title and language are the deck's, unless the deck is a preview inside another view. */
  private showTitleAndLanguage(deck: Deck): void {
    this.root.lang = deck.settings.lang;
    if (this.options.embedded) return;
    document.title = deck.title;
    document.documentElement.lang = deck.settings.lang;
  }

  private renderSlides(deck: Deck): void {
    const slides = this.root.querySelector('.slides');
    if (!slides) throw new Error('the page has no .reveal .slides element');
    slides.replaceChildren(...buildSlideElements(deck, document));
  }
}

/**
 * The indices of the slides whose text or notes changed, or null when more than that changed
 * (slide count, order, settings, segments, attributes, errors): then the deck is rebuilt whole.
 */
function changedSlides(previous: Deck, next: Deck): number[] | null {
  if (
    previous.slides.length !== next.slides.length ||
    JSON.stringify(previous.settings) !== JSON.stringify(next.settings) ||
    JSON.stringify(previous.segments) !== JSON.stringify(next.segments)
  ) {
    return null;
  }
  const changed: number[] = [];
  for (const [index, after] of next.slides.entries()) {
    const before = previous.slides[index];
    if (
      !before ||
      before.h !== after.h ||
      before.v !== after.v ||
      before.segment !== after.segment ||
      before.error !== null ||
      after.error !== null ||
      JSON.stringify(before.attributes) !== JSON.stringify(after.attributes)
    ) {
      return null;
    }
    if (before.markdown !== after.markdown || before.notes !== after.notes) changed.push(index);
  }
  return changed;
}

/** Gives `section` the content of `slide` as built now, in place: reveal.js keeps its element. */
function rebuildSection(deck: Deck, slide: Deck['slides'][number], section: HTMLElement): void {
  const fresh = buildSection(deck, slide, document);
  section.replaceChildren(...fresh.childNodes);
  section.setAttribute('data-podium-line', String(slide.line));
}
