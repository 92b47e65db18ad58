import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveInDeck } from '../../shared/deck/deck-path';
import type { Deck, Problem } from '../../shared/deck/model';
import { PodiumError } from '../../shared/errors';
import { findBrowser } from '../browser/find-browser';
import { withPrintPage } from '../browser/print-page';
import { isInside } from '../deck/deck-files';
import { loadDeck } from '../deck/load-deck';
import { findAssetReferences } from './asset-references';
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
  const problems: Problem[] = deck.problems.map((problem) =>
    problem.message === 'empty slide' ? { ...problem, severity: 'error' as const } : problem,
  );
  problems.push(...(await checkFiles(root, deck)));

  for (const slide of deck.slides) {
    if (slide.error || slide.notes) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    problems.push({ severity: 'warning', file, line: slide.line, message: 'slide has no speaker notes' });
  }

  if (request.render) problems.push(...(await checkLayout(request)));
  return { deck, problems: problems.sort(byPlace) };
}

async function checkFiles(root: string, deck: Deck): Promise<Problem[]> {
  const problems: Problem[] = [];
  const realRoot = await realpath(root);
  if (deck.settings.css) {
    const missing = await missingFile(realRoot, deck.settings.css);
    if (missing) problems.push({ severity: 'error', file: 'deck.yaml', line: 1, message: `css: ${missing}` });
  }
  for (const slide of deck.slides) {
    const file = deck.segments[slide.segment]?.file ?? '';
    for (const reference of findAssetReferences(slide)) {
      const inDeck = resolveInDeck(file, reference.href);
      const message =
        inDeck === null
          ? `${reference.kind} "${reference.href}" points outside the deck folder`
          : await missingFile(realRoot, inDeck).then((missing) => missing && `${reference.kind} "${reference.href}": ${missing}`);
      if (message) problems.push({ severity: 'error', file, line: reference.line, message });
    }
  }
  return problems;
}

/** Why a deck-relative path cannot be served, or null when it can. */
async function missingFile(realRoot: string, inDeck: string): Promise<string | null> {
  try {
    const real = await realpath(resolve(realRoot, inDeck));
    if (!isInside(realRoot, real)) return 'a link that leads outside the deck folder';
    return (await stat(real)).isFile() ? null : 'not a file';
  } catch {
    return `no such file ${inDeck} in the deck`;
  }
}

async function checkLayout(request: CheckRequest): Promise<Problem[]> {
  let executablePath: string;
  try {
    executablePath = findBrowser({ explicit: request.browserPath });
  } catch (error) {
    if (!(error instanceof PodiumError)) throw error;
    return [{ severity: 'warning', file: '.', line: 1, message: `layout not checked: ${error.message}` }];
  }
  const overflowing = await withPrintPage({ ...request, executablePath }, async (page) =>
    JSON.parse(await page.evaluate<string>(OVERFLOW_SCRIPT)) as OverflowingSlide[],
  );
  return overflowing.map((slide) => ({
    severity: 'error' as const,
    file: slide.file,
    line: slide.line,
    message:
      `slide content overflows the ${slide.slideWidth}×${slide.slideHeight} slide ` +
      `(${slide.width}×${slide.height} px): shorten it or split it with ---`,
  }));
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file, 'en', { numeric: true }) || a.line - b.line;
}
