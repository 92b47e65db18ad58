import { Marked, type Tokens } from 'marked';
import { DECK_ASSET_PREFIX } from '../api';
import { isExternalOrAnchor, resolveInDeck } from '../deck/deck-path';

const marked = new Marked({ gfm: true, async: false });

/**
 * Turns one slide's Markdown into HTML. Relative images and links resolve against the segment
 * file and are served from the deck folder; a path that leaves the deck is emptied.
 * The result is NOT sanitized: the renderer sanitizes before it touches the DOM.
 */
export function renderSlideHtml(markdown: string, segmentFile: string): string {
  const tokens = marked.lexer(markdown);
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'image' || token.type === 'link') {
      const withHref = token as Tokens.Image | Tokens.Link;
      withHref.href = deckUrl(segmentFile, withHref.href);
    }
  });
  return marked.parser(tokens);
}

/** The URL, relative to the page, at which a link written in `segmentFile` is served. */
export function deckUrl(segmentFile: string, href: string): string {
  if (isExternalOrAnchor(href)) return href;
  const inDeck = resolveInDeck(segmentFile, href);
  if (inDeck === null) return '';
  return DECK_ASSET_PREFIX + inDeck.split('/').map(encodeURIComponent).join('/');
}
