import DOMPurify from 'dompurify';
import type { Deck, Slide } from '../../shared/deck/model';
import { renderSlideHtml } from '../../shared/render/slide-html';

/**
 * Builds reveal.js's `<section>` tree for a deck: one section per horizontal slide, nested
 * sections for vertical stacks. Slide HTML is sanitized here, the only place it meets the DOM.
 */
export function buildSlideElements(deck: Deck, document: Document): HTMLElement[] {
  const stacks: Slide[][] = [];
  for (const slide of deck.slides) {
    const stack = stacks[slide.h] ?? (stacks[slide.h] = []);
    stack.push(slide);
  }
  return stacks.map((stack) => {
    if (stack.length === 1 && stack[0]) return buildSection(deck, stack[0], document);
    const outer = document.createElement('section');
    outer.append(...stack.map((slide) => buildSection(deck, slide, document)));
    return outer;
  });
}

function buildSection(deck: Deck, slide: Slide, document: Document): HTMLElement {
  const section = document.createElement('section');
  const file = deck.segments[slide.segment]?.file ?? '';
  section.dataset.podiumFile = file;
  section.dataset.podiumLine = String(slide.line);
  if (slide.error) {
    section.classList.add('podium-error-slide');
    const heading = document.createElement('h2');
    heading.textContent = 'This segment cannot be shown';
    const place = document.createElement('p');
    place.className = 'podium-error-place';
    place.textContent = `${slide.error.file}, line ${slide.error.line}`;
    const message = document.createElement('p');
    message.textContent = slide.error.message;
    section.append(heading, place, message);
    return section;
  }
  section.append(sanitize(renderSlideHtml(slide.markdown, file), document));
  if (slide.notes) {
    const notes = document.createElement('aside');
    notes.className = 'notes';
    notes.textContent = slide.notes;
    section.append(notes);
  }
  return section;
}

function sanitize(html: string, document: Document): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'base', 'meta'] });
  return document.importNode(fragment, true);
}
