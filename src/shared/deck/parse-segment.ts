import { splitFrontMatter } from './front-matter';
import type { FrontMatter, Problem } from './model';

/** A slide as one segment file sees it, before the deck numbers it. */
export interface SegmentSlide {
  /** True for a slide after `--`: it stacks under the previous horizontal slide. */
  vertical: boolean;
  line: number;
  markdown: string;
  title: string | null;
  notes: string | null;
}

export interface ParsedSegment {
  file: string;
  meta: FrontMatter;
  title: string | null;
  slides: SegmentSlide[];
  problems: Problem[];
}

// The separators of reveal.js's Markdown plugin (`data-separator`, `data-separator-vertical`,
// `data-separator-notes`), read line by line so that code fences can protect them.
const HORIZONTAL_SEPARATOR = /^---\s*$/;
const VERTICAL_SEPARATOR = /^--\s*$/;
const NOTES_START = /^\s*notes?:/i;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}=+\s*$/;

/** Parses one segment file: front matter, then slides split on `---` and `--` outside code fences. */
export function parseSegment(source: string, file: string): ParsedSegment {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { meta, bodyStart, problem } = splitFrontMatter(lines, file);
  const problems: Problem[] = problem ? [problem] : [];
  if (problem) {
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
      problems.push({ severity: 'warning', file, line: current.startIndex + 1, message: 'empty slide' });
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
      } else if (HORIZONTAL_SEPARATOR.test(line) || VERTICAL_SEPARATOR.test(line)) {
        flush();
        current = newSlideBuffer(VERTICAL_SEPARATOR.test(line), index + 1);
        current.sawSeparator = true;
        continue;
      } else if (!current.inNotes && NOTES_START.test(line)) {
        current.inNotes = true;
        current.notes.push(line.replace(NOTES_START, ''));
        continue;
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
  return {
    vertical: buffer.vertical,
    line: (firstContent?.index ?? buffer.startIndex) + 1,
    markdown: trimBlankLines(buffer.body.map((line) => line.text)).join('\n'),
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
export function findTitle(lines: readonly string[]): string | null {
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
