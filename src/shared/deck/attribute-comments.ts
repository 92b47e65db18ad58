import { RE2JS } from 're2js';
import type { SlideSyntax } from './model';

/** What an attribute comment sets: the element before it, or its slide, and the `name="value"` text. */
interface AttributeComment {
  target: 'element' | 'slide';
  attributes: string;
}

/**
 * Reads the inside of a Markdown comment (`<!-- … -->`, without its markers) as reveal.js's Markdown
 * plugin does: first as the element's attributes, then as the slide's, else as a plain comment.
 */
export type AttributeCommentReader = (comment: string) => AttributeComment | null;

// Podium's reading of reveal.js's default comments, `<!-- .element: … -->` and `<!-- .slide: … -->`.
const ELEMENT_COMMENT = /^\s*\.element:\s*([\s\S]*?)\s*$/;
const SLIDE_COMMENT = /^\s*\.slide:\s*([\s\S]*?)\s*$/;

export const readDefaultAttributeComment: AttributeCommentReader = (comment) => {
  const element = ELEMENT_COMMENT.exec(comment);
  if (element) return { target: 'element', attributes: element[1] ?? '' };
  const slide = SLIDE_COMMENT.exec(comment);
  return slide ? { target: 'slide', attributes: slide[1] ?? '' } : null;
};

/**
 * reveal.js's defaults for `data-element-attributes` and `data-attributes` (plugin/markdown), used
 * for the one a deck leaves out when it sets the other.
 */
const REVEAL_ELEMENT_ATTRIBUTES = String.raw`\.element\s*?(.+?)$`;
const REVEAL_SLIDE_ATTRIBUTES = String.raw`\.slide:\s*?(\S.+?)$`;

/**
 * Compiles one of a deck's attribute patterns (`deck.yaml`'s `elementAttributes` or
 * `slideAttributes`) for RE2's linear-time engine, with reveal.js's `m` flag. Its first group holds
 * the attributes, as in reveal.js; a pattern without one throws.
 */
export function compileAttributePattern(source: string): (comment: string) => string | null {
  const pattern = RE2JS.compile(source, RE2JS.MULTILINE);
  if (pattern.groupCount() < 1) throw new Error('it needs a group, (…), around the attributes');
  return (comment) => {
    const matcher = pattern.matcher(comment);
    return matcher.find() ? (matcher.group(1) ?? '') : null;
  };
}

/** The deck's own reader when it sets either pattern; null when it keeps reveal.js's comments. */
export function deckAttributeCommentReader(syntax: SlideSyntax): AttributeCommentReader | null {
  if (syntax.elementAttributes === undefined && syntax.slideAttributes === undefined) return null;
  const element = compileAttributePattern(syntax.elementAttributes ?? REVEAL_ELEMENT_ATTRIBUTES);
  const slide = compileAttributePattern(syntax.slideAttributes ?? REVEAL_SLIDE_ATTRIBUTES);
  return (comment) => {
    const forElement = element(comment);
    if (forElement !== null) return { target: 'element', attributes: forElement };
    const forSlide = slide(comment);
    return forSlide === null ? null : { target: 'slide', attributes: forSlide };
  };
}

const COMMENT = /<!--([\s\S]*?)-->/g;
// A comment that looks like reveal.js's attribute comments: `.element:`, `.slide:` or a typo of them.
const DOTTED_COMMENT = /^\s*\.[A-Za-z][\w-]*\s*:/;

/**
 * Markdown with a deck's own attribute comments rewritten into reveal.js's default spelling, which
 * the rest of Podium reads (`.slide:` on the section, `.element:` on the element before it). A
 * `.element:`/`.slide:` comment the deck's patterns do not match is dropped, as reveal.js ignores it
 * then. Line breaks inside a comment are kept, so the lines after it keep their numbers.
 */
export function rewriteAttributeComments(markdown: string, read: AttributeCommentReader): string {
  if (!markdown.includes('<!--')) return markdown;
  return markdown.replace(COMMENT, (whole, inside: string) => {
    const breaks = '\n'.repeat(whole.split('\n').length - 1);
    const comment = read(inside);
    if (comment) return `<!-- .${comment.target}: ${comment.attributes.replace(/-->/g, '')} ${breaks}-->`;
    return DOTTED_COMMENT.test(inside) ? `<!-- ${breaks}-->` : whole;
  });
}
