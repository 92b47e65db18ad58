import { marked, type Token, type Tokens } from 'marked';
import type { Deck, Problem, Slide } from './model';
import { createProblem } from './problems';

const HTML_IMG = /<img\b[^>]*>/gi;
const HTML_ALT = /\balt\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i;
const HTML_SVG = /<svg\b[^>]*>/gi;
// An inline drawing is named by aria-label or a <title>, or hidden from readers as a decoration.
const SVG_NAMED = /\baria-(label|labelledby)\s*=|\baria-hidden\s*=\s*["']?true|\brole\s*=\s*["']?(presentation|none)/i;
const HTML_HEADING = /<h[1-6]\b/i;
const LOOKS_LIKE_URL = /^(https?:\/\/|www\.|mailto:)/i;

/**
 * The rules for the hall that read the slides' Markdown, without laying them out: images without
 * alternative text, slides without a heading, two slides of a segment with one heading, links
 * whose text is their URL, and a deck that does not say its language. Each names file and line.
 * `settingsFile` is where the deck's settings are written (deck.yaml, a one-file deck's .md), or
 * null when its folder has no deck.yaml: the missing `lang` is then the folder's.
 */
export function hallProblems(deck: Deck, settingsFile: string | null): Problem[] {
  const problems: Problem[] = [];
  if (!deck.settings.langDeclared) problems.push(noLangProblem(deck.settings.lang, settingsFile));
  const headings = new Map<string, number>();
  for (const slide of deck.slides) {
    if (slide.error) continue;
    const file = deck.segments[slide.segment]?.file ?? '';
    problems.push(...slideProblems(slide, file));
    const heading = slide.title?.trim().toLowerCase();
    if (!heading) continue;
    const key = `${slide.segment}\n${heading}`;
    const first = headings.get(key);
    if (first === undefined) headings.set(key, slide.line);
    else {
      problems.push(
        createProblem('duplicate-heading', file, slide.line, `heading "${slide.title}" is the same as the slide's at line ${first}: make each slide's heading its own`),
      );
    }
  }
  return problems;
}

function noLangProblem(lang: string, settingsFile: string | null): Problem {
  const lacking = `no \`lang\`: the pages and the PDF say "${lang}"`;
  const tag = "`lang: en` (or the deck's own language)";
  if (settingsFile === null) return createProblem('no-lang', '.', 1, `${lacking}; add a deck.yaml to the deck folder with ${tag}`);
  if (settingsFile.toLowerCase().endsWith('.md')) {
    return createProblem('no-lang', settingsFile, 1, `${lacking}; add ${tag} to its front matter, between \`---\` lines at the top`);
  }
  return createProblem('no-lang', settingsFile, 1, `${lacking}; add ${tag} to ${settingsFile}`);
}

function slideProblems(slide: Slide, file: string): Problem[] {
  const lines = slide.markdown.split('\n');
  const lineOf = (needle: string): number => {
    const index = lines.findIndex((line) => line.includes(needle));
    return slide.line + Math.max(index, 0);
  };
  const problems: Problem[] = [];
  let heading = false;
  marked.walkTokens(marked.lexer(slide.markdown), (token: Token) => {
    if (token.type === 'heading') heading = true;
    else if (token.type === 'image') {
      const image = token as Tokens.Image;
      if (image.text.trim() === '') {
        problems.push(
          createProblem('missing-alt', file, lineOf(image.raw), `image "${image.href}" has no alt text: describe it in ![…], or write <img src="${image.href}" alt=""> if it only decorates`),
        );
      }
    } else if (token.type === 'link') {
      const link = token as Tokens.Link;
      const text = link.text.trim();
      if (text === link.href || LOOKS_LIKE_URL.test(text)) {
        problems.push(
          createProblem('url-link-text', file, lineOf(link.raw), `link text is its URL (${text}): say where it leads, as in [the results](${link.href})`),
        );
      }
    } else if (token.type === 'html') {
      const html = (token as Tokens.HTML).text;
      if (HTML_HEADING.test(html)) heading = true;
      for (const [tag] of html.matchAll(HTML_IMG)) {
        if (!HTML_ALT.test(tag)) {
          problems.push(createProblem('missing-alt', file, lineOf(tag), `${tag} has no alt attribute: describe the image, or write alt="" if it only decorates`));
        }
      }
      for (const [tag] of html.matchAll(HTML_SVG)) {
        if (SVG_NAMED.test(tag) || /<title\b/i.test(html)) continue;
        problems.push(
          createProblem('missing-alt', file, lineOf(tag), 'drawing <svg> has no text: give it role="img" and aria-label="…", or aria-hidden="true" if it only decorates'),
        );
      }
    }
  });
  if (!heading) problems.push(createProblem('no-heading', file, slide.line, 'slide has no heading: give it one (## …), which readers and the outline list'));
  return problems;
}
