import { DECK_ASSET_PREFIX } from '../api';
import { isExternalOrAnchor, resolveInDeck } from '../deck/deck-path';

/** The URL, relative to the page, at which a link written in `segmentFile` is served; '' if outside the deck. */
export function deckUrl(segmentFile: string, href: string): string {
  if (isExternalOrAnchor(href)) return href;
  const inDeck = resolveInDeck(segmentFile, href);
  if (inDeck === null) return '';
  return DECK_ASSET_PREFIX + inDeck.split('/').map(encodeURIComponent).join('/');
}
