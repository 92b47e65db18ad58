import { splitFrontMatter } from './front-matter';
import { DEFAULT_SLIDE_SYNTAX, type FrontMatter, type Problem, type SlideSyntax } from './model';
import { createProblem } from './problems';
import { countFragments, readSlideAttributes } from './slide-attributes';
import { compileDeckPattern, lineFormOfSeparator, nativePattern, type LinePattern } from './line-pattern';

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
  };
}

const defaultSyntax = compileSyntax(DEFAULT_SLIDE_SYNTAX);
/** The last deck's own separators, compiled once for all its segments, not once per segment. */
let lastCompiled: { syntax: SlideSyntax; compiled: CompiledSyntax } | null = null;

function compiledSyntaxOf(syntax: SlideSyntax | undefined): CompiledSyntax {
  if (syntax === undefined) return defaultSyntax;
  const same = (a: SlideSyntax, b: SlideSyntax): boolean =>
    a.separator === b.separator && a.verticalSeparator === b.verticalSeparator && a.notesSeparator === b.notesSeparator;
  if (same(syntax, DEFAULT_SLIDE_SYNTAX)) return defaultSyntax;
  if (lastCompiled === null || !same(lastCompiled.syntax, syntax)) lastCompiled = { syntax, compiled: compileSyntax(syntax) };
  return lastCompiled.compiled;
}

// reveal.js's `data-attributes` / `data-element-attributes` comments; any other `.name:` is a typo or
// another tool's syntax, and a silently ignored fragment changes the talk's build order.
const UNKNOWN_ATTRIBUTE_COMMENT = /<!--\s*\.([A-Za-z][\w-]*)\s*:/;
const KNOWN_ATTRIBUTE_COMMENTS = new Set(['slide', 'element']);

/**
 * Parses one segment file: front matter, then slides split on `---` and `--` (or the deck's own
 * separators) outside code fences. `syntax` holds regular expressions already validated by the caller.
 */
export function parseSegment(source: string, file: string, syntax?: SlideSyntax): ParsedSegment {
  const { horizontal, vertical, notes } = compiledSyntaxOf(syntax);
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
    const slide = finishSlide(current);
    if (slide) {
      slides.push(slide);
    } else if (current.sawSeparator) {
      // Named by the separator that opens it: the line after may not exist.
      problems.push(createProblem('empty-slide', file, current.startIndex, 'empty slide'));
    }
  };

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (fence !== null) {
      if (isFenceClose(line, fence)) fence = null;
    } else {
      const opening = FENCE_OPEN.exec(line);
      if (opening?.[1]) {
        fence = opening[1];
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
      const unknownComment = UNKNOWN_ATTRIBUTE_COMMENT.exec(line)?.[1];
      if (unknownComment && !KNOWN_ATTRIBUTE_COMMENTS.has(unknownComment)) {
        problems.push(
          createProblem(
            'unknown-attribute-comment',
            file,
            index + 1,
            `\`<!-- .${unknownComment}: … -->\` is ignored: reveal.js reads only \`.slide:\` and \`.element:\` comments`,
          ),
        );
      }
    }
    if (current.inNotes) current.notes.push(line);
    else current.body.push({ text: line, index });
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
  body: { text: string; index: number }[];
  notes: string[];
}

function newSlideBuffer(vertical: boolean, startIndex: number): SlideBuffer {
  return { vertical, startIndex, sawSeparator: false, inNotes: false, body: [], notes: [] };
}

function finishSlide(buffer: SlideBuffer): SegmentSlide | null {
  const firstContent = buffer.body.find((line) => line.text.trim() !== '');
  const notesText = buffer.notes.join('\n').trim();
  if (!firstContent && notesText === '') return null;
  const markdown = trimBlankLines(buffer.body.map((line) => line.text)).join('\n');
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
