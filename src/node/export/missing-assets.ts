import { resolveInDeck } from '../../shared/deck/deck-path';
import type { Deck, Problem } from '../../shared/deck/model';
import { findAssetReferences } from '../check/asset-references';
import { resolveDeckFile } from '../deck/deck-files';

/**
 * Images and links of the deck's slides that point at no file in the deck folder, each with the
 * segment file and line that refers to it. A PDF with a blank where a photo should be is the
 * complaint peers' trackers are full of; exporting refuses it unless `--allow-missing`.
 * The references are the ones `podium check` reads: Markdown images and links, `src`/`href` in
 * inline HTML, slide backgrounds.
 */
export async function findMissingAssets(root: string, deck: Deck): Promise<Problem[]> {
  const checks: Promise<Problem | null>[] = [];
  const checked = new Map<string, Promise<boolean>>();
  const reported = new Set<string>();
  for (const slide of deck.slides) {
    if (slide.error) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    for (const reference of findAssetReferences(slide)) {
      const { line, kind: what } = reference;
      // A background is found both as the slide's attribute and in its `.slide` comment: once is enough.
      const key = `${file}:${line}:${what}:${reference.href}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const inDeck = resolveInDeck(file, reference.href);
      if (inDeck === null) {
        checks.push(Promise.resolve(problem(file, line, `${what} "${reference.href}" points outside the deck folder`)));
        continue;
      }
      let exists = checked.get(inDeck);
      if (!exists) {
        const encoded = inDeck.split('/').map(encodeURIComponent).join('/');
        exists = resolveDeckFile(root, encoded).then((path) => path !== null);
        checked.set(inDeck, exists);
      }
      checks.push(exists.then((found) => (found ? null : problem(file, line, `${what} "${reference.href}" not found (${inDeck})`))));
    }
  }
  return (await Promise.all(checks)).filter((found): found is Problem => found !== null);
}

function problem(file: string, line: number, message: string): Problem {
  return { severity: 'error', file, line, message };
}
