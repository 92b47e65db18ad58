import { splitFrontMatter } from './front-matter';
import { DEFAULT_SLIDE_SYNTAX, type FrontMatter, type Problem, type SlideSyntax } from './model';
import { createProblem } from './problems';
import { countFragments, readSlideAttributes } from './slide-attributes';
import { compileDeckPattern, lineFormOfSeparator, nativePattern, type LinePattern } from './line-pattern';
import {
  deckAttributeCommentReader,
  readDefaultAttributeComment,
  rewriteAttributeComments,
  type AttributeCommentReader,
} from './attribute-comments';

/** A slide as one segment file sees it, before the deck numbers it. */
interface SegmentSlide {
  /** True for a slide after `--`: it stacks under the previous horizontal slide. */
  vertical: boolean;
  line: number;
  markdown: string;
  title: string | null;
  notes: string | null;
  fragments: number;
  attributes: Record<string, string>;
}

export interface ParsedSegment {
  file: string;
  meta: FrontMatter;
  title: string | null;
  slides: SegmentSlide[];
  problems: Problem[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}=+\s*$/;

interface CompiledSyntax {
  horizontal: LinePattern;
  vertical: LinePattern;
  notes: LinePattern;
  /** The deck's own attribute comments (`elementAttributes`, `slideAttributes`); null for reveal.js's. */
  attributeComments: AttributeCommentReader | null;
}

/**
 * The separators of reveal.js's Markdown plugin (`data-separator`, `data-separator-vertical`,
 * `data-separator-notes`), matched line by line so that code fences can protect them. A deck's
 * own run on a linear-time engine; the defaults on JavaScript's.
 */
function compileSyntax(syntax: SlideSyntax): CompiledSyntax {
  const compile = (source: string, fallback: string, caseInsensitive: boolean): LinePattern =>
    source === fallback
      ? nativePattern(new RegExp(source, caseInsensitive ? 'i' : ''))
      : compileDeckPattern(lineFormOfSeparator(source), caseInsensitive);
  return {
    horizontal: compile(syntax.separator, DEFAULT_SLIDE_SYNTAX.separator, false),
    vertical: compile(syntax.verticalSeparator, DEFAULT_SLIDE_SYNTAX.verticalSeparator, false),
    notes: compile(syntax.notesSeparator, DEFAULT_SLIDE_SYNTAX.notesSeparator, true),
    attributeComments: deckAttributeCommentReader(syntax),
  };
}

const defaultSyntax = compileSyntax(DEFAULT_SLIDE_SYNTAX);
/** The last deck's own separators, compiled once for all its segments, not once per segment. */
let lastCompiled: { syntax: SlideSyntax; compiled: CompiledSyntax } | null = null;

function compiledSyntaxOf(syntax: SlideSyntax | undefined): CompiledSyntax {
  if (syntax === undefined) return defaultSyntax;
  const same = (a: SlideSyntax, b: SlideSyntax): boolean =>
    a.separator === b.separator &&
    a.verticalSeparator === b.verticalSeparator &&
    a.notesSeparator === b.notesSeparator &&
    a.elementAttributes === b.elementAttributes &&
    a.slideAttributes === b.slideAttributes;
  if (same(syntax, DEFAULT_SLIDE_SYNTAX)) return defaultSyntax;
  if (lastCompiled === null || !same(lastCompiled.syntax, syntax)) lastCompiled = { syntax, compiled: compileSyntax(syntax) };
  return lastCompiled.compiled;
}

// A comment spelt like reveal.js's attribute comments that the deck's reader does not take is a
// typo or another tool's syntax, and a silently ignored fragment changes the talk's build order.
const DOTTED_COMMENT = /<!--(\s*\.([A-Za-z][\w-]*)\s*:[\s\S]*?)(?:-->|$)/;
/** A frame in a slide's HTML or attributes; inline code (`` `<iframe>` ``) is text, not one. */
const FRAME = /\bdata-background-iframe\b|<iframe\b/i;
const INLINE_CODE = /`[^`]*`/g;
// What a slide takes from the web is never loaded: slide-attributes.ts drops a background from it,
// and the pages' CSP refuses any other picture or media (a talk must not hang on the hall's Wi-Fi).
const NETWORK_ATTRIBUTE = /\b(data-background(?:-video|-image)?|(?:data-)?src|poster)\s*=\s*["']?\s*(https?:\/\/[^\s"'>]+)/gi;
const NETWORK_IMAGE = /!\[[^\]]*\]\(\s*<?(https?:\/\/[^\s)>]+)/g;

/** `attribute` names where the URL stands (`src`, `data-background-video`); null for a Markdown image. */
function networkRefusal(attribute: string | null, url: string): string {
  const lower = attribute?.toLowerCase() ?? 'image';
  const missed = lower === 'data-background-video' ? 'played' : lower.endsWith('src') ? 'loaded' : 'shown';
  return `${attribute === null ? 'image' : `\`${attribute}\``} "${url}" is not ${missed}: Podium's pages load nothing from the network (their Content-Security-Policy forbids it); put the file in the deck folder and give its path there`;
}

// Elements no slide shows, wherever their file is: a frame has its own warning, the rest are removed.
const NEVER_SHOWN = new Set(['iframe', 'frame', 'embed', 'script']);

/** Web pictures, media and backgrounds on one line of a slide. */
function networkProblems(line: string, file: string, lineNumber: number): Problem[] {
  const problems: Problem[] = [];
  for (const match of line.matchAll(NETWORK_ATTRIBUTE)) {
    const tag = /<([a-z][\w-]*)[^<]*$/i.exec(line.slice(0, match.index))?.[1]?.toLowerCase();
    if (tag !== undefined && NEVER_SHOWN.has(tag)) continue;
    problems.push(createProblem('network-media', file, lineNumber, networkRefusal(match[1] ?? '', match[2] ?? '')));
  }
  for (const [, url = ''] of line.matchAll(NETWORK_IMAGE)) problems.push(createProblem('network-media', file, lineNumber, networkRefusal(null, url)));
  return problems;
}

function frameRefusal(found: string): string {
  const what = found.toLowerCase().startsWith('<') ? '`<iframe>`' : '`data-background-iframe`';
  return `${what} is not shown: Podium's pages load no frames (their Content-Security-Policy forbids them); show a screenshot, or link to the page`;
}

/**
 * Parses one segment file: front matter, then slides split on `---` and `--` (or the deck's own
 * separators) outside code fences. `syntax` holds regular expressions already validated by the caller.
 */
export function parseSegment(source: string, file: string, syntax?: SlideSyntax): ParsedSegment {
  const { horizontal, vertical, notes, attributeComments } = compiledSyntaxOf(syntax);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { meta, bodyStart, problem } = splitFrontMatter(lines, file);
  const problems: Problem[] = problem ? [problem] : [];
  if (problem?.severity === 'error') {
    return { file, meta, title: null, slides: [], problems };
  }

  const slides: SegmentSlide[] = [];
  let current = newSlideBuffer(false, bodyStart);
  let fence: string | null = null;

  const flush = (): void => {
    const slide = finishSlide(current, attributeComments);
    if (slide) {
      slides.push(slide);
    } else if (current.sawSeparator) {
      // Named by the separator that opens it: the line after may not exist.
      problems.push(createProblem('empty-slide', file, current.startIndex, 'empty slide'));
    }
  };

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index] ?? '';
    let code = fence !== null;
    if (fence !== null) {
      if (isFenceClose(line, fence)) fence = null;
    } else {
      const opening = FENCE_OPEN.exec(line);
      if (opening?.[1]) {
        fence = opening[1];
        code = true;
      } else if (horizontal.test(line) || vertical.test(line)) {
        flush();
        current = newSlideBuffer(!horizontal.test(line), index + 1);
        current.sawSeparator = true;
        continue;
      } else if (!current.inNotes && notes.test(line)) {
        current.inNotes = true;
        current.notes.push(notes.removeFirst(line));
        continue;
      }
      const dotted = DOTTED_COMMENT.exec(line);
      if (dotted && (attributeComments ?? readDefaultAttributeComment)(dotted[1] ?? '') === null) {
        const reads = attributeComments
          ? "this deck reads attribute comments with deck.yaml's `elementAttributes` and `slideAttributes`, and this one matches neither"
          : 'reveal.js reads only `.slide:` and `.element:` comments';
        problems.push(
          createProblem('unknown-attribute-comment', file, index + 1, `\`<!-- .${dotted[2] ?? ''}: … -->\` is ignored: ${reads}`),
        );
      }
    }
    const outsideCode = code || current.inNotes ? null : line.replace(INLINE_CODE, '');
    const frame = outsideCode === null ? null : FRAME.exec(outsideCode);
    if (frame) problems.push(createProblem('refused-frame', file, index + 1, frameRefusal(frame[0])));
    if (outsideCode !== null) problems.push(...networkProblems(outsideCode, file, index + 1));
    if (current.inNotes) current.notes.push(line);
    else current.body.push({ text: line, index, code });
  }
  flush();

  const title = typeof meta.title === 'string' ? meta.title : (slides[0]?.title ?? null);
  return { file, meta, title, slides, problems };
}

interface SlideBuffer {
  vertical: boolean;
  startIndex: number;
  sawSeparator: boolean;
  inNotes: boolean;
  /** `code`: inside a fenced code block, where a comment is text. */
  body: { text: string; index: number; code: boolean }[];
  notes: string[];
}

function newSlideBuffer(vertical: boolean, startIndex: number): SlideBuffer {
  return { vertical, startIndex, sawSeparator: false, inNotes: false, body: [], notes: [] };
}

function finishSlide(buffer: SlideBuffer, attributeComments: AttributeCommentReader | null): SegmentSlide | null {
  const firstContent = buffer.body.find((line) => line.text.trim() !== '');
  const notesText = buffer.notes.join('\n').trim();
  if (!firstContent && notesText === '') return null;
  const body = attributeComments ? withDefaultAttributeComments(buffer.body, attributeComments) : buffer.body.map((line) => line.text);
  const markdown = trimBlankLines(body).join('\n');
  return {
    vertical: buffer.vertical,
    line: (firstContent?.index ?? buffer.startIndex) + 1,
    markdown,
    fragments: countFragments(markdown),
    attributes: readSlideAttributes(markdown),
    title: findTitle(buffer.body.map((line) => line.text)),
    notes: notesText === '' ? null : notesText,
  };
}

/**
 * The slide's lines with the deck's own attribute comments in reveal.js's default spelling, so
 * that the slide, its fragments and its attributes read them as everything else: outside code
 * fences only, one run of lines between fences at a time.
 */
function withDefaultAttributeComments(body: SlideBuffer['body'], read: AttributeCommentReader): string[] {
  const lines: string[] = [];
  let prose: string[] = [];
  const flushProse = (): void => {
    if (prose.length > 0) lines.push(...rewriteAttributeComments(prose.join('\n'), read).split('\n'));
    prose = [];
  };
  for (const line of body) {
    if (line.code) {
      flushProse();
      lines.push(line.text);
    } else prose.push(line.text);
  }
  flushProse();
  return lines;
}

function isFenceClose(line: string, fence: string): boolean {
  const trimmed = line.trim();
  const marker = fence[0] ?? '`';
  return trimmed.length >= fence.length && [...trimmed].every((char) => char === marker);
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end);
}

/** The text of the first ATX or setext heading outside code fences, without inline Markdown. */
function findTitle(lines: readonly string[]): string | null {
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (fence !== null) {
      if (isFenceClose(line, fence)) fence = null;
      continue;
    }
    const opening = FENCE_OPEN.exec(line);
    if (opening?.[1]) {
      fence = opening[1];
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) return plainText(atx[1] ?? '');
    const next = lines[index + 1];
    if (line.trim() !== '' && next !== undefined && SETEXT_UNDERLINE.test(next)) return plainText(line);
  }
  return null;
}

function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .trim();
}
