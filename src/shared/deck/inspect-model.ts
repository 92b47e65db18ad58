import type { Deck } from './model';

/** The shape `podium inspect --json` promises; tests/fixtures/decks/<case>/expected.json holds it per case. */
export function toInspectModel(deck: Deck) {
  return {
    title: deck.title,
    segments: deck.segments,
    slides: deck.slides.map(({ h, v, segment, line, title, notes, fragments, attributes }) => ({
      h,
      v,
      segment,
      line,
      title,
      notes,
      fragments,
      attributes,
    })),
    problems: deck.problems,
  };
}
