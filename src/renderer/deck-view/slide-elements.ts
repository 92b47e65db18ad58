import DOMPurify from 'dompurify';
import type { Deck, Slide } from '../../shared/deck/model';
import { parseAttributeList, safeSlideAttributes } from '../../shared/deck/slide-attributes';
import { renderDeckSlide } from '../../shared/render/deck-html';
import { h } from '../dom';

/**
 * Builds reveal.js's `<section>` tree for a deck: one section per horizontal slide, nested
 * sections for vertical stacks. Slide HTML is sanitized here, the only place it meets the DOM.
 */
export function buildSlideElements(deck: Deck, document: Document): HTMLElement[] {
  const contents = sanitizeAll(
    deck.slides.map((slide) => (slide.error ? '' : slideHtml(deck, slide, document))),
    document,
  );
  const sections = deck.slides.map((slide, index) => buildSection(deck, slide, document, contents[index]));
  const stacks: HTMLElement[][] = [];
  for (const [index, slide] of deck.slides.entries()) {
    const stack = stacks[slide.h] ?? (stacks[slide.h] = []);
    stack.push(sections[index] as HTMLElement);
  }
  return stacks.map((stack) => {
    if (stack.length === 1 && stack[0]) return stack[0];
    return h('section', {}, ...stack);
  });
}

/** One slide's `<section>`; `content` is its sanitized HTML when the caller already made it. */
export function buildSection(deck: Deck, slide: Slide, document: Document, content?: DocumentFragment): HTMLElement {
  const section = h('section');
  const file = deck.segments[slide.segment]?.file ?? '';
  if (slide.error) {
    section.classList.add('podium-error-slide');
    section.append(
      h('h2', {}, 'This segment cannot be shown'),
      h('p', { className: 'podium-error-place' }, `${slide.error.file}, line ${slide.error.line}`),
      h('p', {}, slide.error.message),
      h('p', { className: 'podium-error-hint' }, 'Fix the file and save it: this slide updates.'),
    );
  } else {
    for (const [name, value] of Object.entries(safeSlideAttributes(slide.attributes, file))) {
      if (name === 'class') section.classList.add(...value.split(/\s+/).filter(Boolean));
      else section.setAttribute(name, value);
    }
    section.append(content ?? sanitize(slideHtml(deck, slide, document), document));
    if (slide.notes) {
      section.append(h('aside', { className: 'notes' }, slide.notes));
    }
  }
  section.dataset.podiumFile = file;
  section.dataset.podiumLine = String(slide.line);
  section.dataset.podiumSegment = String(slide.segment);
  return section;
}

/**
 * A slide's HTML as Markdown renders it (here, or by the server for a print page), `.element`
 * comments applied, not sanitized yet.
 */
function slideHtml(deck: Deck, slide: Slide, document: Document): string {
  return applyElementComments(slide.html ?? renderDeckSlide(deck, slide), document);
}

const ELEMENT_COMMENT = /^\s*\.element:\s*([\s\S]*?)\s*$/;
const ELEMENT_ATTRIBUTE = /^(class|id|data-[a-z0-9-]+)$/i;

/**
 * reveal.js's `<!-- .element: class="fragment" -->`: the attributes go where reveal.js's Markdown
 * plugin puts them (`elementCommentTarget`). Done in an inert template (no script runs, nothing
 * loads) before sanitizing, so added attributes are sanitized too.
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
    const target = elementCommentTarget(comment);
    if (!target) continue;
    for (const [name, value] of Object.entries(parseAttributeList(match[1] ?? ''))) {
      if (!ELEMENT_ATTRIBUTE.test(name)) continue;
      if (name === 'class') target.classList.add(...value.split(/\s+/).filter(Boolean));
      else target.setAttribute(name, value);
    }
  }
  return template.innerHTML;
}

/**
 * As reveal.js 6's plugin/markdown `addAttributes` reads it: the nearest element before the comment
 * (text and `<br>` skipped), else its parent; a comment right under a list, with no blank line
 * between, belongs to the list's last item.
 */
function elementCommentTarget(comment: Comment): Element | null {
  let sibling = comment.previousSibling;
  while (sibling && !(sibling.nodeType === 1 && sibling.nodeName !== 'BR')) sibling = sibling.previousSibling;
  if (!sibling) return comment.parentElement;
  const element = sibling as Element;
  const blankLineBefore = /\n[ \t]*\n/.test(comment.previousSibling?.nodeValue ?? '');
  if ((element.tagName === 'UL' || element.tagName === 'OL') && !blankLineBefore) return element.lastElementChild ?? element;
  return element;
}

/** Tags a slide never needs that would restyle, re-address or submit the whole page. */
const FORBIDDEN_TAGS = ['style', 'base', 'meta', 'link', 'form'];

function sanitize(html: string, document: Document): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: FORBIDDEN_TAGS });
  return document.importNode(fragment, true);
}

/**
 * Every slide's HTML sanitized in one DOMPurify call: each call sets up a document of its own, and
 * a 300-slide deck spent a third of its build time in 300 of them (0.13 s against 0.04 s in one).
 * Each slide is parsed inside a wrapper marked with this call's nonce. HTML that breaks out of its
 * wrapper (a stray `</div>`, an unclosed `<textarea>` or comment) would move into its neighbours,
 * and the wrappers no longer come out one per slide in order: then each slide is sanitized on its
 * own, confined as it always was.
 */
function sanitizeAll(htmls: readonly string[], document: Document): DocumentFragment[] {
  const alone = (): DocumentFragment[] => htmls.map((html) => sanitize(html, document));
  if (htmls.length < 2) return alone();
  const nonce = crypto.randomUUID();
  const part = (index: number): string => `${nonce}-${index}`;
  const wrapped = sanitize(htmls.map((html, index) => `<div data-podium-part="${part(index)}">${html}</div>`).join(''), document);
  const wrappers = [...wrapped.childNodes];
  const intact =
    wrappers.length === htmls.length &&
    wrappers.every((wrapper, index) => wrapper instanceof HTMLDivElement && wrapper.getAttribute('data-podium-part') === part(index));
  if (!intact) return alone();
  return wrappers.map((wrapper) => {
    const content = document.createDocumentFragment();
    content.append(...wrapper.childNodes);
    return content;
  });
}
