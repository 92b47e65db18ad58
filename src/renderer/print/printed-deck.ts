import type { Deck } from '../../shared/deck/model';
import type { PrintLayout } from '../../shared/export/export-options';
import { selectSlides } from '../../shared/export/slide-range';

/**
 * The deck as an export prints it: only the slides of its range, renumbered for reveal.js, at
 * the size the export asks for.
 */
export function printedDeck(deck: Deck, layout: PrintLayout): Deck {
  const sized = layout.size === null ? deck : { ...deck, settings: { ...deck.settings, ...layout.size } };
  if (layout.slides === null) return sized;
  // The host checked the range against its deck; a deck that changed since then loses the excess.
  return selectSlides(sized, layout.slides.filter((index) => index < deck.slides.length));
}
