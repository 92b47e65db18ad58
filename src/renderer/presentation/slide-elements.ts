import DOMPurify from 'dompurify';
import type { Deck, Slide } from '../../shared/deck/model';
import { parseAttributeList, safeSlideAttributes } from '../../shared/deck/slide-attributes';
import { buildAgenda } from '../../shared/render/agenda';
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

export function buildSection(deck: Deck, slide: Slide, document: Document): HTMLElement {
  const section = document.createElement('section');
  const file = deck.segments[slide.segment]?.file ?? '';
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
  } else {
    for (const [name, value] of Object.entries(safeSlideAttributes(slide.attributes, file))) {
      if (name === 'class') section.classList.add(...value.split(/\s+/).filter(Boolean));
      else section.setAttribute(name, value);
    }
    const html = renderSlideHtml(slide.markdown, { segmentFile: file, agenda: buildAgenda(deck, slide.segment) });
    section.append(sanitize(applyElementComments(html, document), document));
    if (slide.notes) {
      const notes = document.createElement('aside');
      notes.className = 'notes';
      notes.textContent = slide.notes;
      section.append(notes);
    }
  }
  section.dataset.podiumFile = file;
  section.dataset.podiumLine = String(slide.line);
  section.dataset.podiumSegment = String(slide.segment);
  return section;
}

const ELEMENT_COMMENT = /^\s*\.element:\s*([\s\S]*?)\s*$/;
const ELEMENT_ATTRIBUTE = /^(class|id|data-[a-z0-9-]+)$/i;

/**
 * reveal.js's `<!-- .element: class="fragment" -->`: the attributes go to the element before the
 * comment, or to its parent when the comment ends a line of text. Done in an inert template (no
 * script runs, nothing loads) before sanitizing, so added attributes are sanitized too.
 */
function applyElementComments(html: string, document: Document): string {
  if (!html.includes('.element:')) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_COMMENT);
  const comments: Comment[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode as Comment);
  for (const comment of comments) {
    const match = ELEMENT_COMMENT.exec(comment.data);
    if (!match) continue;
    const target = previousElement(comment) ?? comment.parentElement;
    if (!target) continue;
    for (const [name, value] of Object.entries(parseAttributeList(match[1] ?? ''))) {
      if (!ELEMENT_ATTRIBUTE.test(name)) continue;
      if (name === 'class') target.classList.add(...value.split(/\s+/).filter(Boolean));
      else target.setAttribute(name, value);
    }
  }
  return template.innerHTML;
}

/** The element right before a node, skipping whitespace text; null if text comes first. */
function previousElement(node: Node): Element | null {
  let sibling = node.previousSibling;
  while (sibling && sibling.nodeType === 3 && (sibling.textContent ?? '').trim() === '') sibling = sibling.previousSibling;
  return sibling && sibling.nodeType === 1 ? (sibling as Element) : null;
}

/** Tags a slide never needs that would restyle, re-address or submit the whole page. */
const FORBIDDEN_TAGS = ['style', 'base', 'meta', 'link', 'form'];

function sanitize(html: string, document: Document): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: FORBIDDEN_TAGS });
  return document.importNode(fragment, true);
}
