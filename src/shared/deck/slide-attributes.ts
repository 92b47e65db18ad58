import { Marked, type Tokens } from 'marked';
import { deckUrl } from '../render/deck-url';
import { highlightStepFragments } from '../render/line-highlights';

// Only to tell code from HTML: the slide's own rendering (render/slide-html.ts) has the extensions.
const lexer = new Marked({ gfm: true, async: false });

// reveal.js's Markdown plugin reads `<!-- .slide: … -->` for the slide and `<!-- .element: … -->`
// for the element before the comment.
const SLIDE_COMMENT = /<!--\s*\.slide:\s*([\s\S]*?)-->/g;
// A `data-*` name alone is an attribute too (`data-background-video-loop`), as reveal.js reads it.
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(?<!\S)(data-[\w-]+)(?=\s|$)/g;
const FRAGMENT_CLASS = /class\s*=\s*(?:"[^"]*\bfragment\b[^"]*"|'[^']*\bfragment\b[^']*'|fragment\b)/g;

/** Parses `name="value"` pairs as reveal.js writes them in its comments. */
export function parseAttributeList(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? match[5];
    if (name) attributes[name] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/**
 * The attributes of every `.slide` comment in a slide, later ones winning. Only comments reveal.js
 * sees as comments count: one shown as code (a fence, an indented block, a code span), as a slide
 * teaching the syntax shows it, is text.
 */
export function readSlideAttributes(markdown: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!markdown.includes('.slide')) return attributes;
  lexer.walkTokens(lexer.lexer(markdown), (token) => {
    if (token.type !== 'html') return;
    for (const match of token.raw.matchAll(SLIDE_COMMENT)) Object.assign(attributes, parseAttributeList(match[1] ?? ''));
  });
  return attributes;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const ELEMENT_COMMENT = /^\s*\.element:/;

/**
 * The fragments a presented slide steps through: elements with the class `fragment` (inline HTML,
 * or Markdown via `.element` comments) and the steps of code line highlights after the first. Not
 * code, not other comments: read from marked's tokens, as the slide renders.
 */
export function countFragments(markdown: string): number {
  if (!markdown.includes('fragment') && !markdown.includes('|')) return 0;
  let count = 0;
  lexer.walkTokens(lexer.lexer(markdown), (token) => {
    if (token.type === 'code') count += highlightStepFragments((token as Tokens.Code).lang ?? '');
    else if (token.type === 'html') count += fragmentsInHtml(token.raw);
  });
  return count;
}

function fragmentsInHtml(html: string): number {
  const elementComments = [...html.matchAll(COMMENT)].map((match) => match[1] ?? '').filter((text) => ELEMENT_COMMENT.test(text));
  const tags = html.replace(COMMENT, '');
  return [tags, ...elementComments].reduce((sum, text) => sum + (text.match(FRAGMENT_CLASS)?.length ?? 0), 0);
}

const URL_ATTRIBUTES = new Set(['data-background-image', 'data-background-video', 'data-background']);
// Remote pages inside a slide would be a hole in the CSP and a network request on stage.
const REFUSED_ATTRIBUTES = new Set(['data-background-iframe']);
const SAFE_NAME = /^(class|id|data-[a-z0-9-]+)$/i;

/**
 * The attributes a slide may set on its `<section>`: `class`, `id` and reveal's `data-*`, with
 * background images resolved relative to the segment file and served from the deck.
 */
export function safeSlideAttributes(attributes: Record<string, string>, segmentFile: string): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const lower = name.toLowerCase();
    if (!SAFE_NAME.test(lower) || REFUSED_ATTRIBUTES.has(lower)) continue;
    const isColour = lower === 'data-background' && !/[./]/.test(value);
    safe[lower] = URL_ATTRIBUTES.has(lower) && !isColour ? localUrl(segmentFile, value) : value;
  }
  return safe;
}

/** Backgrounds come from the deck (or inline `data:`), never from the network. */
function localUrl(segmentFile: string, value: string): string {
  return /^https?:/i.test(value.trim()) ? '' : deckUrl(segmentFile, value.trim());
}
