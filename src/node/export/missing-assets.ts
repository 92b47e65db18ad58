import { Marked, type Token, type Tokens } from 'marked';
import { isExternalOrAnchor, resolveInDeck } from '../../shared/deck/deck-path';
import type { Deck, Problem } from '../../shared/deck/model';
import { resolveDeckFile } from '../deck/deck-files';

const lexer = new Marked({ gfm: true, async: false });

/**
 * Images and links of the deck's slides that point at no file in the deck folder, each with the
 * segment file and line that refers to it. A PDF with a blank where a photo should be is the
 * complaint peers' trackers are full of; exporting refuses it unless `--allow-missing`.
 * Raw HTML `<img>` is not checked: only Markdown references.
 */
export async function findMissingAssets(root: string, deck: Deck): Promise<Problem[]> {
  const checks: Promise<Problem | null>[] = [];
  const checked = new Map<string, Promise<boolean>>();
  for (const slide of deck.slides) {
    if (slide.error) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    for (const reference of localReferences(slide.markdown)) {
      const line = slide.line + lineOffset(slide.markdown, reference.raw);
      const what = reference.type === 'image' ? 'image' : 'link';
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

interface Reference {
  type: 'image' | 'link';
  href: string;
  raw: string;
}

function localReferences(markdown: string): Reference[] {
  const references: Reference[] = [];
  const tokens: Token[] = lexer.lexer(markdown);
  lexer.walkTokens(tokens, (token) => {
    if (token.type !== 'image' && token.type !== 'link') return;
    const { href, raw } = token as Tokens.Image | Tokens.Link;
    if (href === '' || isExternalOrAnchor(href)) return;
    references.push({ type: token.type, href, raw });
  });
  return references;
}

/** Lines between the slide's first line and the reference (the first place its text appears). */
function lineOffset(markdown: string, raw: string): number {
  const at = markdown.indexOf(raw);
  return at < 0 ? 0 : markdown.slice(0, at).split('\n').length - 1;
}

function problem(file: string, line: number, message: string): Problem {
  return { severity: 'error', file, line, message };
}
