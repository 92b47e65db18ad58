import { Marked, type Tokens } from 'marked';
import { isExternalOrAnchor } from '../deck/deck-path';
import { deckUrl } from './deck-url';
import { agendaHtml, AGENDA_DIRECTIVE, type AgendaEntry } from './agenda';
import { escapeHtml } from './escape-html';
import { LINE_NUMBERS } from './line-highlights';

const marked = new Marked({ gfm: true, async: false });
marked.use({
  renderer: {
    code({ text, lang }: Tokens.Code): string {
      return codeBlockHtml(text, lang ?? '');
    },
  },
});

let mathLoaded: Promise<void> | null = null;

/**
 * Makes `renderSlideHtml` render `$…$` and `$$…$$` as math, from then on. Math renders offline at
 * parse time: KaTeX's HTML needs only its stylesheet and fonts, both bundled. KaTeX is half of
 * the renderer's script, so it loads from a chunk of its own, once: every export's print page
 * parsed and ran it whether its deck had math or not (`mayContainMath`).
 */
export function loadMath(): Promise<void> {
  mathLoaded ??= import('marked-katex-extension').then(({ default: markedKatex }) => {
    marked.use(markedKatex({ throwOnError: false, nonStandard: true }));
  });
  return mathLoaded;
}

/**
 * Each formula keeps its TeX in `data-tex`: the sanitizer drops MathML's `<annotation>`, and the
 * PowerPoint export gives the formula's picture its TeX as alternative text. The TeX is already
 * escaped as KaTeX wrote it into the annotation.
 */
function withTexAttributes(html: string): string {
  return html.replace(KATEX_WITH_TEX, (_, inside: string, tex: string) => `<span class="katex" data-tex="${tex}">${inside}`);
}

const KATEX_WITH_TEX = /<span class="katex">((?:(?!<span class="katex">).)*?<annotation encoding="application\/x-tex">([^<]*)<\/annotation>)/gs;

/** False when `markdown` cannot hold math: it has no `$`. */
export function mayContainMath(markdown: string): boolean {
  return markdown.includes('$');
}

export interface SlideRenderContext {
  /** The segment file the slide comes from: relative links resolve against it. */
  segmentFile: string;
  /** What `<!-- podium:agenda -->` expands to. */
  agenda?: readonly AgendaEntry[];
}

/**
 * Turns one slide's Markdown into HTML. Relative images and links resolve against the segment
 * file and are served from the deck folder; a path that leaves the deck is emptied.
 * Math renders only once `loadMath` has resolved. The result is NOT sanitized: the renderer
 * sanitizes before it touches the DOM.
 */
export function renderSlideHtml(markdown: string, context: SlideRenderContext): string {
  const expanded = markdown.includes(AGENDA_DIRECTIVE)
    ? markdown.replace(AGENDA_DIRECTIVE, `\n\n${agendaHtml(context.agenda ?? [])}\n\n`)
    : markdown;
  const tokens = marked.lexer(expanded);
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'image' || token.type === 'link') {
      const withHref = token as Tokens.Image | Tokens.Link;
      withHref.href = deckUrl(context.segmentFile, withHref.href);
    } else if (token.type === 'html') {
      const html = token as Tokens.HTML | Tokens.Tag;
      html.text = withDeckUrls(html.text, context.segmentFile);
    }
  });
  return withTexAttributes(marked.parser(tokens));
}

/** URL attributes of inline HTML (`<img src>`, `<a href>`, `<video poster>`, reveal's `data-src`). */
const HTML_URL_ATTRIBUTE = /(\s(?:src|href|poster|data-src|data-background-image)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Inline HTML's relative URLs resolve against the segment file, as Markdown's images do; one that
 * leaves the deck is emptied. A value with character references is left for the sanitizer.
 */
function withDeckUrls(html: string, segmentFile: string): string {
  return html.replace(HTML_URL_ATTRIBUTE, (whole, name: string, doubleQuoted?: string, singleQuoted?: string) => {
    const value = (doubleQuoted ?? singleQuoted ?? '').trim();
    // Browsers ignore blanks and control characters around a scheme (`  JaVaScRiPt:`): such a URL
    // is not a path, and is left whole for the sanitizer to judge.
    const compact = value.replace(/[\u0000-\u0020]/g, '');
    if (value === '' || value.includes('&') || isExternalOrAnchor(compact)) return whole;
    return `${name}"${escapeHtml(deckUrl(segmentFile, value))}"`;
  });
}

function codeBlockHtml(code: string, info: string): string {
  const match = LINE_NUMBERS.exec(info);
  const language = info.replace(LINE_NUMBERS, '').trim().split(/\s+/, 1)[0] ?? '';
  const attributes = [language ? ` class="language-${escapeHtml(language)}"` : ''];
  if (match) {
    attributes.push(` data-line-numbers="${escapeHtml((match[2] ?? '').trim())}"`);
    if (match[1]) attributes.push(` data-ln-start-from="${match[1]}"`);
  }
  return `<pre><code${attributes.join('')}>${escapeHtml(code)}</code></pre>\n`;
}
