export interface StylesheetReference {
  /** As written in the stylesheet. */
  href: string;
  /** 1-based line in the stylesheet. */
  line: number;
}

// `@import "x"` and `url(x)`, quoted or not (`@import url(x)` is found as its url()).
const REFERENCE = /@import\s+(["'])(.*?)\1|url\(\s*(?:(["'])(.*?)\3|([^"')\s]*))\s*\)/g;

/**
 * Every URL a stylesheet loads: `@import`s and `url()`s (fonts, background images), with their
 * lines. Comments are blanked first, keeping their line breaks, so a commented-out URL is not one.
 */
export function findStylesheetReferences(css: string): StylesheetReference[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const references: StylesheetReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const href = (match[2] ?? match[4] ?? match[5] ?? '').trim();
    if (href === '') continue;
    const line = text.slice(0, match.index).split('\n').length;
    references.push({ href, line });
  }
  return references;
}

/** True for a URL that would go to the network: `https://…`, `http://…`, or protocol-relative `//…`. */
export function isRemoteUrl(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}
