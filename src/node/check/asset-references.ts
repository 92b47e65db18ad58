import { marked, type Token, type Tokens } from 'marked';
import { isExternalOrAnchor } from '../../shared/deck/deck-path';
import type { Slide } from '../../shared/deck/model';

export interface AssetReference {
  /** As written in the slide. */
  href: string;
  /** 1-based line in the segment file. */
  line: number;
  kind: 'image' | 'link' | 'background';
}

const HTML_URL_ATTRIBUTE = /\b(src|href|poster|data-background-image|data-background-video)\s*=\s*["']([^"']+)["']/gi;

/**
 * Every local file a slide points at: Markdown images and links, `src`/`href` in inline HTML,
 * and `.slide` backgrounds; web URLs and in-page anchors are left out.
 */
export function findAssetReferences(slide: Slide): AssetReference[] {
  const lines = slide.markdown.split('\n');
  const lineOf = (needle: string): number => {
    const index = lines.findIndex((line) => line.includes(needle));
    return slide.line + Math.max(index, 0);
  };
  const references: AssetReference[] = [];
  const add = (href: string, kind: AssetReference['kind']): void => {
    if (href.trim() === '' || isExternalOrAnchor(href.trim())) return;
    references.push({ href: href.trim(), kind, line: lineOf(href) });
  };

  marked.walkTokens(marked.lexer(slide.markdown), (token: Token) => {
    if (token.type === 'image') add((token as Tokens.Image).href, 'image');
    else if (token.type === 'link') add((token as Tokens.Link).href, 'link');
    else if (token.type === 'html') {
      for (const match of (token as Tokens.HTML).text.matchAll(HTML_URL_ATTRIBUTE)) {
        const name = (match[1] ?? '').toLowerCase();
        add(match[2] ?? '', name.startsWith('data-background') ? 'background' : name === 'href' ? 'link' : 'image');
      }
    }
  });
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (/^data-background-(image|video)$/i.test(name)) add(value, 'background');
  }
  return references;
}
