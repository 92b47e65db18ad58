import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Deck } from '../../shared/deck/model';

// reveal.js's other way of writing notes, an <aside class="notes"> in the slide's own HTML.
const NOTES_ASIDE = /<aside\b[^>]*\bclass\s*=\s*(["'])(?:(?!\1).)*\bnotes\b(?:(?!\1).)*\1[^>]*>[\s\S]*?<\/aside\s*>/gi;

/** What a follower (the audience) is sent: the deck without the speaker's notes, in any form. */
export function deckForFollower(deck: Deck): Deck {
  return {
    ...deck,
    slides: deck.slides.map((slide) => ({
      ...slide,
      notes: null,
      markdown: slide.markdown.replace(NOTES_ASIDE, ''),
      ...(slide.html === undefined ? {} : { html: slide.html.replace(NOTES_ASIDE, '') }),
    })),
  };
}

/**
 * Segment sources, deck.yaml and Podium's own files (rehearsals, recovery): the presenter's alone.
 * Decided on the file the request resolved to (`file`, a real path), never on how its URL was
 * spelled: `01-welcome.m%64`, a trailing or doubled slash, or a symlink named `notes.txt` that
 * leads to a segment all land on the same file.
 */
export async function isPresenterOnlyFile(deckRoot: string, file: string): Promise<boolean> {
  const inDeck = relative(await realpath(deckRoot), file).toLowerCase();
  return /\.(md|markdown|ya?ml)$/.test(inDeck) || inDeck.split(sep).some((part) => part.startsWith('.'));
}
