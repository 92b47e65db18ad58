import type { Deck, Problem } from '../../shared/deck/model';
import { asCheckedProblem, createProblem } from '../../shared/deck/problems';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { measurePrintPage } from '../browser/check-print-page';
import { loadDeck } from '../deck/load-deck';
import { findDeckAssets } from '../export/deck-assets';
import { OVERFLOW_SCRIPT, type OverflowingSlide } from './overflow-script';

export interface CheckRequest {
  deckPath: string;
  rendererDir: string;
  browserPath?: string;
  /** Lay the slides out in Chromium to find overflow; off with `--no-render`. */
  render: boolean;
  timeoutMs: number;
}

export interface CheckResult {
  deck: Deck;
  problems: Problem[];
}

/**
 * Preflight: everything that would break on stage or in the PDF, each named by file and line.
 * Errors: what the loader found (front matter, deck.yaml, themes), missing or outside files,
 * empty slides, overflowing slides. Warnings: slides without speaker notes.
 */
export async function checkDeck(request: CheckRequest): Promise<CheckResult> {
  const { root, deck } = await loadDeck(request.deckPath);
  const problems: Problem[] = [...deck.problems];
  problems.push(...(await findDeckAssets(root, deck, { stylesheets: 'deck-css' })).missing);

  for (const slide of deck.slides) {
    if (slide.error || slide.notes) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    problems.push(createProblem('no-notes', file, slide.line, 'slide has no speaker notes'));
  }

  if (request.render) problems.push(...(await checkLayout(request)));
  // Graver on the eve of a talk than in the editor: an empty slide is an error here (problems.ts).
  return { deck, problems: problems.map(asCheckedProblem).sort(byPlace) };
}

async function checkLayout(request: CheckRequest): Promise<Problem[]> {
  let executablePath: string;
  try {
    executablePath = findBrowser({ explicit: request.browserPath });
  } catch (error) {
    if (!(error instanceof PodiumError)) throw error;
    return [createProblem('layout-not-checked', '.', 1, `layout not checked: ${error.message}`)];
  }
  const { measured } = await measurePrintPage({ ...request, executablePath }, OVERFLOW_SCRIPT);
  const overflowing = JSON.parse(measured as string) as OverflowingSlide[];
  return overflowing.map((slide) =>
    createProblem(
      'overflow',
      slide.file,
      slide.line,
      `slide content overflows the ${slide.slideWidth}×${slide.slideHeight} slide ` +
        `(${slide.width}×${slide.height} px): shorten it or split it with ---`,
    ),
  );
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file, 'en', { numeric: true }) || a.line - b.line;
}
