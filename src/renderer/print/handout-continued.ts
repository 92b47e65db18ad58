import { h } from '../dom';
import { fillWithText, shrinkToFit } from './fit-text';
import { NOTES_LABEL } from './tagged-structure';

/** Handout notes may be set this much smaller than the handout's text to stay beside their slide. */
const SMALLEST_NOTES_FONT = 0.8;

const CONTINUES = '(continued on the next page)';

/** Notes that did not fit beside their slide: what is left of them, and whose they are. */
interface NotesLeft {
  label: string;
  text: string;
}

/**
 * Keeps every word of every slide's notes in a handout. Notes too long for their row are set a
 * little smaller; notes longer still stop between two words with "(continued on the next page)",
 * and the rest follows on a page of notes after that page, under the slide's name. Before, the
 * row's overflow cut them off mid-line with no mark. Runs once the pages are laid out and their
 * fonts loaded; numbers the pages again when it adds some.
 */
export function continueLongNotes(): void {
  const pages = [...document.querySelectorAll<HTMLElement>('.podium-handout-page')];
  for (const page of pages) {
    const left: NotesLeft[] = [];
    for (const box of page.querySelectorAll<HTMLElement>('.podium-handout-notes:not(.podium-handout-empty)')) {
      if (shrinkToFit(box, SMALLEST_NOTES_FONT)) continue;
      const text = [...box.childNodes].find((node): node is Text => node instanceof Text);
      if (!text) continue;
      const marker = h('span', { className: 'podium-handout-continues' }, ` ${CONTINUES}`);
      box.append(marker);
      left.push({ label: box.dataset.slideLabel ?? '', text: fillWithText(box, text, text.data, false) });
    }
    let after = page;
    while (left.length > 0) {
      const continuation = continuationPage(page, left);
      after.after(continuation);
      after = continuation;
    }
  }
  const all = [...document.querySelectorAll<HTMLElement>('.podium-handout-page')];
  if (all.length === pages.length) return;
  all.forEach((page, index) => {
    const counter = page.querySelector('.podium-handout-header > :last-child');
    if (counter) counter.textContent = `${index + 1} / ${all.length}`;
  });
}

/** A page of the notes left over from `page`, filled with as much of `left` as it holds; takes what it shows off `left`. */
function continuationPage(page: HTMLElement, left: NotesLeft[]): HTMLElement {
  const column = h('div', { className: 'podium-handout-continued-notes' });
  const header = page.querySelector('.podium-handout-header')?.cloneNode(true) ?? null;
  const continuation = h('div', { className: 'podium-handout-page podium-handout-continuation' }, header, column);
  continuation.style.width = page.style.width;
  continuation.style.height = page.style.height;
  // Laid out where it will print, so that it measures as printed.
  page.after(continuation);
  while (left.length > 0) {
    const notes = left[0];
    if (!notes) break;
    const text = document.createTextNode('');
    const marker = h('span', { className: 'podium-handout-continues' }, ` ${CONTINUES}`);
    const block = h(
      'div',
      { className: 'podium-handout-notes-block', attrs: { role: 'complementary', 'aria-label': NOTES_LABEL } },
      h('div', { className: 'podium-handout-notes-title' }, `${notes.label}, continued`),
      text,
      marker,
    );
    column.append(block);
    const first = column.childElementCount === 1;
    const rest = fillWithText(column, text, notes.text, first);
    if (rest === '') {
      marker.remove();
      left.shift();
      continue;
    }
    // Not one word of it fits below the notes above it: it starts the next page instead.
    if (text.data === '' && !first) block.remove();
    else notes.text = rest;
    break;
  }
  continuation.remove();
  return continuation;
}
