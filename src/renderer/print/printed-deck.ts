import type { Deck } from '../../shared/deck/model';
import type { PrintLayout } from '../../shared/export/export-options';
import { selectSlides } from '../../shared/export/slide-range';

/** The deck as an export prints it: only the slides of its range, renumbered for reveal.js. */
export function printedDeck(deck: Deck, layout: PrintLayout): Deck {
  if (layout.slides === null) return deck;
  // The host checked the range against its deck; a deck that changed since then loses the excess.
  return selectSlides(deck, layout.slides.filter((index) => index < deck.slides.length));
}
