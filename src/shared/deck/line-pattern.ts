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
