import { RE2JS } from 're2js';

/** A separator as the parser uses it: does this line match, and the line without its match. */
export interface LinePattern {
  test(line: string): boolean;
  removeFirst(line: string): string;
}

/**
 * A deck's own separator (`deck.yaml`'s `separator`, `verticalSeparator`, `notesSeparator`),
 * compiled for RE2's linear-time engine: a pattern such as `^(a+)+$` cannot hang the parser, the
 * app or the server on a long line, as it would with JavaScript's backtracking RegExp. RE2 has no
 * lookaround and no backreferences; such a pattern throws, with RE2's reason.
 */
export function compileDeckPattern(source: string, caseInsensitive = false): LinePattern {
  const pattern = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  return {
    test: (line) => pattern.matcher(line).find(),
    removeFirst: (line) => pattern.matcher(line).replaceFirst(''),
  };
}

/** One of Podium's own separators, known to be safe: JavaScript's engine, which is faster. */
export function nativePattern(pattern: RegExp): LinePattern {
  return {
    test: (line) => pattern.test(line),
    removeFirst: (line) => line.replace(pattern, ''),
  };
}

// How reveal.js's own examples spell a line break in a separator: \n, \r?\n, \r\n?, or a group of
// them such as reveal-md's (\r\n?|\n). Written as regular-expression source text.
const NEWLINE_ATOM = String.raw`(?:\\r\??\\n|\\r\\n\?|\\n)`;
const NEWLINE = String.raw`(?:${NEWLINE_ATOM}|\((?:\?:)?${NEWLINE_ATOM}(?:\|${NEWLINE_ATOM})*\))`;
const LEADING_NEWLINE = new RegExp(String.raw`^\^?${NEWLINE}`);
const TRAILING_NEWLINE = new RegExp(String.raw`${NEWLINE}\$?$`);

/**
 * reveal.js matches a separator against the whole Markdown (flags `mg`), so decks write the line
 * breaks around it: `^\r?\n---\r?\n$`, `\n---\n`, `^(\r\n?|\n)---(\r\n?|\n)$`. Podium matches
 * line by line, so that code fences can protect a separator; those line breaks become the line's
 * own anchors, which match the same lines.
 */
export function lineFormOfSeparator(source: string): string {
  let core = source;
  const leading = LEADING_NEWLINE.test(core);
  if (leading) core = core.replace(LEADING_NEWLINE, '');
  const trailing = TRAILING_NEWLINE.test(core);
  if (trailing) core = core.replace(TRAILING_NEWLINE, '');
  if (leading && !core.startsWith('^')) core = `^${core}`;
  if (trailing && !core.endsWith('$')) core = `${core}$`;
  return core;
}
