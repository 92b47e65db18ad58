import type { Deck, Problem } from '../../shared/deck/model';
import { missingNotes } from '../../shared/deck/missing-notes';
import { findDeckAssets } from '../export/deck-assets';

/**
 * Every problem found without laying the deck out: the loader's (front matter, deck.yaml, empty
 * slides), files the slides name that are missing or outside the deck, slides without notes.
 * `podium check`, `podium inspect` and serve mode report these same problems, with one severity each.
 */
export async function fileProblems(root: string, deck: Deck): Promise<Problem[]> {
  return [...(await diskProblems(root, deck)), ...missingNotes(deck)].sort(byPlace);
}

/**
 * The loader's problems and the files the slides name that are missing or outside the deck: what
 * a page cannot find out for itself. Serve mode and the app send them with the deck to the edit
 * view, which adds the rules it can run on the text as it is typed.
 */
export async function diskProblems(root: string, deck: Deck): Promise<Problem[]> {
  const { missing } = await findDeckAssets(root, deck, { stylesheets: 'deck-css' });
  return [...deck.problems, ...missing].sort(byPlace);
}

export function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file, 'en', { numeric: true }) || a.line - b.line;
}
