import type { Deck, Problem } from './model';
import { createProblem } from './problems';

/** A warning for each slide with no speaker notes: the presenter would face it with nothing to read. */
export function missingNotes(deck: Deck): Problem[] {
  return deck.slides.flatMap((slide) =>
    slide.error || slide.notes
      ? []
      : [createProblem('no-notes', deck.segments[slide.segment]?.file ?? '', slide.line, 'slide has no speaker notes')],
  );
}
