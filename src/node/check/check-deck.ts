import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveInDeck } from '../../shared/deck/deck-path';
import type { Deck, Problem, ProblemCode } from '../../shared/deck/model';
import { asCheckedProblem, createProblem } from '../../shared/deck/problems';
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
  const problems: Problem[] = deck.problems.map(asCheckedProblem);
  problems.push(...(await checkFiles(root, deck)));

  for (const slide of deck.slides) {
    if (slide.error || slide.notes) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    problems.push(createProblem('no-notes', file, slide.line, 'slide has no speaker notes'));
  }

  if (request.render) problems.push(...(await checkLayout(request)));
  return { deck, problems: problems.sort(byPlace) };
}

async function checkFiles(root: string, deck: Deck): Promise<Problem[]> {
  const problems: Problem[] = [];
  const realRoot = await realpath(root);
  if (deck.settings.css) {
    const missing = await missingFile(realRoot, deck.settings.css);
    if (missing) problems.push(createProblem(missing.code, 'deck.yaml', 1, `css: ${missing.message}`));
  }
  for (const slide of deck.slides) {
    const file = deck.segments[slide.segment]?.file ?? '';
    for (const reference of findAssetReferences(slide)) {
      const inDeck = resolveInDeck(file, reference.href);
      if (inDeck === null) {
        problems.push(createProblem('outside-deck', file, reference.line, `${reference.kind} "${reference.href}" points outside the deck folder`));
        continue;
      }
      const missing = await missingFile(realRoot, inDeck);
      if (missing) problems.push(createProblem(missing.code, file, reference.line, `${reference.kind} "${reference.href}": ${missing.message}`));
    }
  }
  return problems;
}

/** Why a deck-relative path cannot be served, or null when it can. */
async function missingFile(realRoot: string, inDeck: string): Promise<{ code: ProblemCode; message: string } | null> {
  try {
    const real = await realpath(resolve(realRoot, inDeck));
    if (!isInside(realRoot, real)) return { code: 'outside-deck', message: 'a link that leads outside the deck folder' };
    return (await stat(real)).isFile() ? null : { code: 'missing-file', message: 'not a file' };
  } catch {
    return { code: 'missing-file', message: `no such file ${inDeck} in the deck` };
  }
}

async function checkLayout(request: CheckRequest): Promise<Problem[]> {
  let executablePath: string;
  try {
    executablePath = findBrowser({ explicit: request.browserPath });
  } catch (error) {
    if (!(error instanceof PodiumError)) throw error;
    return [createProblem('layout-not-checked', '.', 1, `layout not checked: ${error.message}`)];
  }
  const overflowing = await withPrintPage({ ...request, executablePath }, async (page) =>
    JSON.parse(await page.evaluate<string>(OVERFLOW_SCRIPT)) as OverflowingSlide[],
  );
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
