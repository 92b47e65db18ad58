import { fillWithText, shrinkToFit } from './fit-text';

/** A notes page may set its text this much smaller than its own size to keep it on one page. */
const SMALLEST_NOTES_FONT = 0.8;

/**
 * Makes every notes page of reveal.js's print view (`showNotes: 'separate-page'`) exactly one PDF
 * page. reveal.js lets a notes page flow: long notes ran on over further pages, unlabelled and
 * uncounted, so the export reported fewer pages than the PDF had and its bookmarks pointed at the
 * wrong pages. Each notes page is now one page tall (print-view.css); notes that do not fit are set
 * a little smaller, and notes longer still continue on pages of their own after it, each labelled.
 * Runs once the print view is laid out, before anything counts its pages.
 */
export function paginateNotesPages(root: HTMLElement): void {
  const firstPage = root.querySelector<HTMLElement>('.slides > .pdf-page');
  if (!firstPage) return;
  const pageHeight = firstPage.style.height;
  for (const notes of [...root.querySelectorAll<HTMLElement>('.slides > .speaker-notes-pdf[data-layout="separate-page"]')]) {
    notes.style.height = pageHeight;
    if (shrinkToFit(notes, SMALLEST_NOTES_FONT)) continue;
    // reveal.js copies the notes' HTML; Podium's notes are text (slide-elements.ts).
    let rest = notes.textContent ?? '';
    let page = notes;
    for (;;) {
      const text = document.createTextNode('');
      page.replaceChildren(text);
      rest = fillWithText(page, text, rest, true);
      if (rest === '') break;
      const next = notes.cloneNode(false) as HTMLElement;
      next.classList.add('podium-notes-continued');
      page.after(next);
      page = next;
    }
  }
}
