import { loadDeck } from '../../node/deck/load-deck';
import { formatProblem, hasErrors } from '../../shared/deck/build-deck';
import { toInspectModel } from '../../shared/deck/inspect-model';
import type { Deck } from '../../shared/deck/model';

export interface InspectOptions {
  json?: boolean;
}

/** `podium inspect`: prints the deck model; exit code 1 when it has errors. */
export async function inspectCommand(deckPath: string, options: InspectOptions): Promise<number> {
  const { deck } = await loadDeck(deckPath);
  console.log(options.json ? JSON.stringify(toInspectModel(deck), null, 2) : outline(deck));
  return hasErrors(deck) ? 1 : 0;
}

function outline(deck: Deck): string {
  const lines = [deck.title];
  deck.segments.forEach((segment, index) => {
    lines.push(`  ${segment.file}${segment.title ? ` — ${segment.title}` : ''}`);
    for (const slide of deck.slides.filter((slide) => slide.segment === index)) {
      const place = `${slide.h + 1}${slide.v ? `.${slide.v + 1}` : ''}`;
      const label = slide.error ? `error: ${slide.error.message}` : (slide.title ?? '(untitled)');
      lines.push(`    ${place.padEnd(5)} ${label}${slide.notes ? '  [notes]' : ''}`);
    }
  });
  if (deck.problems.length > 0) lines.push('', ...deck.problems.map(formatProblem));
  return lines.join('\n');
}
