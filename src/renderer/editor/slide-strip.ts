import type { Deck, Slide } from '../../shared/deck/model';
import { buildSection } from '../presentation/slide-elements';

const THUMB_WIDTH = 160;

/**
 * Every slide of the deck as a miniature under the preview, drawn with the deck's own theme; the
 * current one is marked. A miniature is rebuilt only when its slide changed.
 */
export class SlideStrip {
  private readonly element: HTMLOListElement;
  private readonly cache = new Map<string, HTMLElement>();

  constructor(parent: HTMLElement, private readonly onPick: (slide: Slide) => void) {
    this.element = document.createElement('ol');
    this.element.className = 'podium-slide-strip';
    parent.append(this.element);
  }

  render(deck: Deck, current: { h: number; v?: number }): void {
    const used = new Set<string>();
    const scale = THUMB_WIDTH / deck.settings.width;
    this.element.replaceChildren(
      ...deck.slides.map((slide, index) => {
        const key = JSON.stringify([deck.settings.width, slide.segment, slide.markdown, slide.attributes, slide.error]);
        used.add(key);
        let miniature = this.cache.get(key);
        if (!miniature) {
          miniature = this.miniature(deck, slide, scale);
          this.cache.set(key, miniature);
        }
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.h = String(slide.h);
        button.dataset.v = String(slide.v);
        button.title = slide.error ? slide.error.message : (slide.title ?? '(untitled)');
        button.classList.toggle('current', slide.h === current.h && slide.v === (current.v ?? 0));
        if (slide.error) button.classList.add('error');
        const number = document.createElement('span');
        number.className = 'podium-thumb-number';
        number.textContent = String(index + 1);
        button.append(miniature, number);
        button.addEventListener('click', () => this.onPick(slide));
        item.append(button);
        return item;
      }),
    );
    for (const key of this.cache.keys()) if (!used.has(key)) this.cache.delete(key);
  }

  /** The slide at the deck's size inside a `.reveal`, so that the theme applies, scaled down. */
  private miniature(deck: Deck, slide: Slide, scale: number): HTMLElement {
    const frame = document.createElement('div');
    frame.className = 'podium-thumb-frame';
    frame.style.height = `${Math.round(deck.settings.height * scale)}px`;
    const reveal = document.createElement('div');
    reveal.className = 'reveal podium-thumb-deck';
    Object.assign(reveal.style, {
      width: `${deck.settings.width}px`,
      height: `${deck.settings.height}px`,
      transform: `scale(${scale})`,
    });
    const slides = document.createElement('div');
    slides.className = 'slides';
    const section = buildSection(deck, slide, document);
    section.querySelector('aside.notes')?.remove();
    const background = section.getAttribute('data-background-color');
    const image = section.getAttribute('data-background-image');
    if (background) reveal.style.backgroundColor = background;
    if (image) reveal.style.backgroundImage = `url("${image}")`;
    slides.append(section);
    reveal.append(slides);
    frame.append(reveal);
    return frame;
  }
}
