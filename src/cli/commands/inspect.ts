import { fileProblems } from '../../node/check/file-problems';
import { loadDeck } from '../../node/deck/load-deck';
import { formatProblem } from '../../shared/deck/build-deck';
import { toInspectModel } from '../../shared/deck/inspect-model';
import type { Deck, Problem } from '../../shared/deck/model';

export interface InspectOptions {
  json?: boolean;
}

/** `podium inspect`: prints the deck model; exit code 1 when it has errors. */
export async function inspectCommand(deckPath: string, options: InspectOptions): Promise<number> {
  const { root, deck } = await loadDeck(deckPath);
  // The problems `check` finds without a browser: a missing image is one, as in the editor and serve.
  const problems = await fileProblems(root, deck);
  const model = toInspectModel({ ...deck, problems });
  console.log(options.json ? JSON.stringify(model, null, 2) : outline(deck, problems));
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

function outline(deck: Deck, problems: readonly Problem[]): string {
  const lines = [deck.title];
  deck.segments.forEach((segment, index) => {
    lines.push(`  ${segment.file}${segment.title ? ` — ${segment.title}` : ''}`);
    for (const slide of deck.slides.filter((slide) => slide.segment === index)) {
      const place = `${slide.h + 1}${slide.v ? `.${slide.v + 1}` : ''}`;
      const label = slide.error ? `error: ${slide.error.message}` : (slide.title ?? '(untitled)');
      lines.push(`    ${place.padEnd(5)} ${label}${slide.notes ? '  [notes]' : ''}`);
    }
  });
  if (problems.length > 0) lines.push('', ...problems.map(formatProblem));
  return lines.join('\n');
}
