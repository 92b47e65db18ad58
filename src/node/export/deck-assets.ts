import { readFile, realpath } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { isExternalOrAnchor, resolveInDeck } from '../../shared/deck/deck-path';
import type { Deck, Problem } from '../../shared/deck/model';
import { createProblem } from '../../shared/deck/problems';
import { findAssetReferences } from '../check/asset-references';
import { isInside, resolveDeckFile } from '../deck/deck-files';
import { DECK_SETTINGS_FILE } from '../deck/deck-settings';
import { findStylesheetReferences, isRemoteUrl } from './stylesheet-references';
import { unshowableImage } from './image-check';

/** A file of the deck that a slide or the deck's stylesheet refers to. */
interface DeckAsset {
  /** Relative to the deck folder, with forward slashes: where the page asks for it below `deck/`. */
  path: string;
  /** Its real path on disk, inside the deck folder (symlinks followed and checked). */
  file: string;
}

export interface DeckAssets {
  found: DeckAsset[];
  /** References to no file in the deck, to one outside it, or to a picture that cannot be drawn: errors with file and line. */
  missing: Problem[];
  /** References the page would fetch from the network, which a static copy never does. */
  remote: Problem[];
}

/** Which stylesheets to check: none (PDF export), the deck's own theme and `css` alone (`podium check`), or they and all they load (a static copy). */
export type StylesheetScope = 'none' | 'deck-css' | 'imports';

/**
 * The files a deck's slides refer to (Markdown images and links, `src`/`href` in inline HTML, slide
 * backgrounds) and, as `stylesheets` says, the deck's own theme and `css` and what they load (`@import`, `url()`,
 * followed into imported stylesheets). Each file is resolved with the confinement the server uses,
 * so nothing outside the deck folder is ever found, whatever the link or symlink says. `podium
 * check` and every export read the deck's files through this one function, with one sentence each
 * for a file that is not there, one that is outside the deck and a picture the page cannot draw.
 */
export async function findDeckAssets(root: string, deck: Deck, options: { stylesheets: StylesheetScope }): Promise<DeckAssets> {
  const found = new Map<string, DeckAsset>();
  const missing: Problem[] = [];
  const remote: Problem[] = [];
  const resolved = new Map<string, Promise<string | null>>();
  const reported = new Set<string>();
  const locate = (inDeck: string): Promise<string | null> => {
    let file = resolved.get(inDeck);
    if (!file) {
      file = resolveDeckFile(root, inDeck.split('/').map(encodeURIComponent).join('/'));
      resolved.set(inDeck, file);
    }
    return file;
  };
  /** Resolves one reference: its deck path when found, else the problem to report (or null for a repeat). */
  const resolve = async (from: string, line: number, what: string, href: string): Promise<string | Problem | null> => {
    // A background is found both as the slide's attribute and in its `.slide` comment: once is enough.
    const key = `${from}:${line}:${what}:${href}`;
    if (reported.has(key)) return null;
    reported.add(key);
    const inDeck = resolveInDeck(from, href);
    if (inDeck === null) return createProblem('outside-deck', from, line, `${what} "${href}" points outside the deck folder`);
    const file = await locate(inDeck);
    if (file === null) {
      return (await leadsOutside(root, inDeck))
        ? createProblem('outside-deck', from, line, `${what} "${href}": a link that leads outside the deck folder`)
        : createProblem('missing-file', from, line, `${what} "${href}" not found (${inDeck})`);
    }
    found.set(inDeck, { path: inDeck, file });
    if (what === 'image' || what === 'background') {
      const fault = await unshowableImage(inDeck, file).catch(() => null);
      if (fault !== null) return createProblem('bad-image', from, line, `${what} "${href}" cannot be shown: ${fault} (${inDeck})`);
    }
    return inDeck;
  };
  const add = async (from: string, line: number, what: string, href: string): Promise<string | null> => {
    const result = await resolve(from, line, what, href);
    if (result !== null && typeof result !== 'string') missing.push(result);
    return typeof result === 'string' ? result : null;
  };

  // Resolved side by side, reported in the deck's order.
  const slideChecks: Promise<string | Problem | null>[] = [];
  for (const slide of deck.slides) {
    if (slide.error) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    for (const reference of findAssetReferences(slide)) slideChecks.push(resolve(file, reference.line, reference.kind, reference.href));
  }
  for (const result of await Promise.all(slideChecks)) if (result !== null && typeof result !== 'string') missing.push(result);

  const stylesheets = options.stylesheets === 'none' ? [] : ([['theme', deck.settings.themeFile], ['css', deck.settings.css]] as const);
  for (const [what, path] of stylesheets) {
    if (!path) continue;
    const css = await add(DECK_SETTINGS_FILE, 1, what, path);
    const queue = css && options.stylesheets === 'imports' ? [css] : [];
    const crawled = new Set(queue);
    for (let stylesheet = queue.shift(); stylesheet !== undefined; stylesheet = queue.shift()) {
      const text = await readFile(found.get(stylesheet)?.file ?? '', 'utf8');
      for (const { href, line } of findStylesheetReferences(text)) {
        if (isRemoteUrl(href)) {
          remote.push(createProblem('network-file', stylesheet, line, `"${href}" is on the network: the static copy does not load it`));
          continue;
        }
        if (isExternalOrAnchor(href)) continue;
        const inDeck = await add(stylesheet, line, 'file', href);
        if (inDeck?.toLowerCase().endsWith('.css') && !crawled.has(inDeck)) {
          crawled.add(inDeck);
          queue.push(inDeck);
        }
      }
    }
  }
  return { found: [...found.values()], missing, remote };
}

/** True when a deck path that names no file to serve is a symlink out of the deck: asked only once it failed. */
async function leadsOutside(root: string, inDeck: string): Promise<boolean> {
  try {
    const realRoot = await realpath(root);
    return !isInside(realRoot, await realpath(resolvePath(realRoot, inDeck)));
  } catch {
    return false;
  }
}
