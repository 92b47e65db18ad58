import type { Deck, Problem } from '../../shared/deck/model';
import { findDeckAssets } from './deck-assets';

/**
 * Images and links of the deck's slides that point at no file in the deck folder, each with the
 * segment file and line that refers to it. A PDF with a blank where a photo should be is the
 * complaint peers' trackers are full of; exporting refuses it unless `--allow-missing`.
 * The references are the ones `podium check` reads: Markdown images and links, `src`/`href` in
 * inline HTML, slide backgrounds.
 */
export async function findMissingAssets(root: string, deck: Deck): Promise<Problem[]> {
  return (await findDeckAssets(root, deck, { stylesheets: 'none' })).missing;
}
