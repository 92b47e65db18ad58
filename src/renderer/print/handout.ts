import { whenContentLoaded } from '../deck-view/content-loaded';
import { READY_ATTRIBUTE } from '../../shared/api';
import type { Deck, Slide } from '../../shared/deck/model';
import type { PrintLayout } from '../../shared/export/export-options';
import { buildSection } from '../deck-view/slide-elements';
import { NOTES_LABEL } from './tagged-structure';
import { applyDeckStylesheets } from '../deck-view/stylesheets';
import { h } from '../dom';
import './handout.css';
import { continueLongNotes } from './handout-continued';
import { handoutGeometry, pagesOf } from './handout-layout';
import { markBackgroundContrast, slideBackground } from './slide-background';

/**
 * Podium's handout (`podium export --notes handout`): paper pages with `perPage` slides each,
 * every slide a scaled copy in the deck's theme with its speaker notes beside it. Not a reveal.js
 * view: reveal lays out one slide per page, a handout several per sheet of paper.
 */
export async function showHandout(
  deck: Deck,
  layout: PrintLayout,
  beforeReady: () => Promise<void> = async () => undefined,
): Promise<void> {
  const geometry = handoutGeometry(layout.paper, layout.perPage);
  await applyDeckStylesheets(deck.settings, document);
  document.title = deck.title;
  document.documentElement.lang = deck.settings.lang;
  // `print-pdf` switches off reveal.css's `@media print` rules for printing a deck without its
  // print view, which would unscale and restyle the slide copies.
  document.documentElement.classList.add('podium-handout', 'print-pdf');
  document.head.append(h('style', {}, `@page { size: ${geometry.pageCss}; margin: 0; }`));

  const groups = pagesOf(deck.slides, layout.perPage);
  const pages = groups.map((slides, index) =>
    h(
      'div',
      {
        className: `podium-handout-page${geometry.stacked ? ' podium-handout-stacked' : ''}`,
        style: { width: geometry.pageWidthCss, height: geometry.pageHeightCss },
      },
      h('div', { className: 'podium-handout-header' }, h('span', {}, deck.title), h('span', {}, `${index + 1} / ${groups.length}`)),
      ...slides.map((slide, row) => handoutRow(deck, slide, index * layout.perPage + row + 1, layout.perPage)),
      // Rows that a short last page does not fill keep their height, so slides keep one size.
      ...Array.from({ length: layout.perPage - slides.length }, () => h('div', { className: 'podium-handout-row' })),
    ),
  );
  document.body.replaceChildren(...pages);
  for (const background of document.querySelectorAll<HTMLElement>('.podium-handout-slide-box .slide-background')) {
    const section = background.closest('.reveal')?.querySelector<HTMLElement>('.slides > section');
    if (section) markBackgroundContrast(section, background);
  }

  await new Promise(requestAnimationFrame);
  for (const box of document.querySelectorAll<HTMLElement>('.podium-handout-slide-box')) fitSlideCopy(box, deck);
  await whenContentLoaded(document, { printed: true });
  // Measured in the fonts they print in.
  continueLongNotes();
  await beforeReady();
  document.documentElement.setAttribute(READY_ATTRIBUTE, '');
}

function handoutRow(deck: Deck, slide: Slide, number: number, perPage: number): HTMLElement {
  const section = buildSection(deck, slide, document);
  // Each slide in its final state, as the slide pages print it.
  section.querySelectorAll('.fragment:not(.fade-out)').forEach((fragment) => fragment.classList.add('visible'));
  // reveal.js's lazy-loaded images (`data-src`), which reveal loads only in the slides it presents.
  section.querySelectorAll('img[data-src]').forEach((image) => image.setAttribute('src', image.getAttribute('data-src') ?? ''));
  const background = slideBackground(section);
  const box = h(
    'div',
    { className: 'podium-handout-slide-box' },
    h(
      'div',
      { className: 'reveal-viewport', style: { width: `${deck.settings.width}px`, height: `${deck.settings.height}px` } },
      h('div', { className: 'reveal' }, background && h('div', { className: 'backgrounds' }, background), h('div', { className: 'slides' }, section)),
    ),
  );
  const notes = h(
    'div',
    {
      className: `podium-handout-notes${slide.notes ? '' : ' podium-handout-empty'}`,
      attrs: { role: 'complementary', 'aria-label': NOTES_LABEL },
      dataset: { slideLabel: slide.title ?? `Slide ${number}` },
    },
    perPage <= 3 && slide.title ? h('div', { className: 'podium-handout-notes-title' }, slide.title) : null,
    slide.notes || null,
  );
  return h('div', { className: 'podium-handout-row' }, box, notes);
}

/** Scales the slide copy to the largest size its row allows, and centres it vertically as reveal does. */
function fitSlideCopy(box: HTMLElement, deck: Deck): void {
  const row = box.parentElement;
  if (!row) return;
  const stacked = row.parentElement?.classList.contains('podium-handout-stacked') ?? false;
  const { width, height } = deck.settings;
  const availableWidth = stacked ? row.clientWidth : row.clientWidth * 0.55;
  const availableHeight = stacked ? row.clientHeight * 0.6 : row.clientHeight;
  const scale = Math.min(availableWidth / width, availableHeight / height);
  box.style.width = `${width * scale}px`;
  box.style.height = `${height * scale}px`;
  const viewport = box.firstElementChild as HTMLElement;
  viewport.style.transform = `scale(${scale})`;
  const section = box.querySelector<HTMLElement>('.slides > section');
  if (section) section.style.top = `${Math.max((height - section.scrollHeight) / 2, 0)}px`;
}
