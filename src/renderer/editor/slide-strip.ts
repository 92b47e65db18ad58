import type { Deck, Slide } from '../../shared/deck/model';

/** Every slide of the deck as a small card under the preview; the current one is marked. */
export class SlideStrip {
  private readonly element: HTMLOListElement;

  constructor(parent: HTMLElement, private readonly onPick: (slide: Slide) => void) {
    this.element = document.createElement('ol');
    this.element.className = 'podium-slide-strip';
    parent.append(this.element);
  }

  render(deck: Deck, current: { h: number; v?: number }): void {
    this.element.replaceChildren(
      ...deck.slides.map((slide, index) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.h = String(slide.h);
        button.dataset.v = String(slide.v);
        const isCurrent = slide.h === current.h && slide.v === (current.v ?? 0);
        button.classList.toggle('current', isCurrent);
        if (slide.error) button.classList.add('error');
        const number = document.createElement('span');
        number.className = 'podium-thumb-number';
        number.textContent = String(index + 1);
        const title = document.createElement('span');
        title.className = 'podium-thumb-title';
        title.textContent = slide.error ? `⚠ ${slide.error.message}` : (slide.title ?? '(untitled)');
        button.append(number, title);
        button.addEventListener('click', () => this.onPick(slide));
        item.append(button);
        return item;
      }),
    );
  }
}
