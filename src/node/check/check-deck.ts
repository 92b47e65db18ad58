import type { Deck, Problem } from '../../shared/deck/model';
import { createProblem } from '../../shared/deck/problems';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { measurePrintPage } from '../browser/check-print-page';
import { loadDeck } from '../deck/load-deck';
import { byPlace, fileProblems } from './file-problems';
import { hallProblems } from '../../shared/deck/hall-rules';
import { overflowProblem, type OverflowingSlide } from '../../shared/deck/overflow';
import { OVERFLOW_SCRIPT } from './overflow-script';
import { hallLayoutProblems, measureHallLayout, type HallMeasurement } from './hall-layout';
import type { PrintTarget } from '../export/print-target';

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
 * overflowing slides, images without alt text. Warnings: empty slides, slides without speaker notes,
 * and the hall's (hall-rules.ts): no heading, a heading twice, a URL as link text, no `lang`.
 */
export async function checkDeck(request: CheckRequest): Promise<CheckResult> {
  const { root, deck, settingsFile } = await loadDeck(request.deckPath);
  const problems = [...(await fileProblems(root, deck)), ...hallProblems(deck, settingsFile)];
  if (request.render) problems.push(...(await checkLayout(request)));
  return { deck, problems: problems.sort(byPlace) };
}

async function checkLayout(request: CheckRequest): Promise<Problem[]> {
  let executablePath: string;
  try {
    executablePath = findBrowser({ explicit: request.browserPath });
  } catch (error) {
    if (!(error instanceof PodiumError)) throw error;
    return [createProblem('layout-not-checked', '.', 1, `layout not checked: ${error.message}`)];
  }
  const measure = async (target: PrintTarget) => ({
    overflow: await target.evaluate<string>(OVERFLOW_SCRIPT),
    hall: await measureHallLayout(target),
  });
  const { deck, measured } = await measurePrintPage({ ...request, executablePath }, measure);
  const { overflow, hall } = measured as { overflow: string; hall: HallMeasurement };
  const overflowing = JSON.parse(overflow) as OverflowingSlide[];
  return [...overflowing.map(overflowProblem), ...hallLayoutProblems(deck, hall)];
}
