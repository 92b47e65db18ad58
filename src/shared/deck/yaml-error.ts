import type { YAMLError } from 'yaml';

/** What went wrong in a YAML block, in plain words, and the line (1-based, within `text`) to fix. */
export interface YamlErrorReport {
  line: number;
  message: string;
}

/**
 * The `yaml` package's messages describe its parser ("Nested mappings are not allowed in compact
 * mappings"); a person editing a slide needs to know what they typed wrong and where. The codes
 * are the package's own (`YAMLError.code`); anything not listed keeps its first line.
 */
export function explainYamlError(text: string, error: YAMLError): YamlErrorReport {
  const line = lineAt(text, error.pos[0]);
  const lines = text.split('\n');
  const lineText = lines[line - 1] ?? '';
  const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    // The parser notices only at the end of the block; the quote to close opened earlier.
    const opened = unclosedQuoteLine(lines, quote, line);
    return {
      line: opened,
      message: `the ${quote} opened on this line is never closed: end the value with ${quote} on the same line`,
    };
  }
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        line,
        message: `the value of \`${keyOf(lineText)}\` holds ": ", which YAML reads as a second key: put the whole value in quotes, as in ${keyOf(lineText)}: "${valueOf(lineText)}"`,
      };
    case 'UNEXPECTED_TOKEN':
      if (/scalar at node end/.test(error.message)) {
        return {
          line,
          message: lineText.includes("'")
            ? `text goes on after the closing quote of \`${keyOf(lineText)}\`: put the whole value inside one pair of quotes (inside '…', write an apostrophe as '')`
            : `text goes on after the closing quote of \`${keyOf(lineText)}\`: put the whole value inside one pair of quotes`,
        };
      }
      break;
    case 'DUPLICATE_KEY':
      return { line, message: `\`${keyOf(lineText)}\` is set twice: keep one of them` };
    case 'TAB_AS_INDENT':
      return { line, message: 'this line is indented with a tab: YAML indents with spaces only' };
    case 'BAD_INDENT':
      if (/Flow sequence/.test(error.message)) {
        return { line: openingBracketLine(lines, line), message: 'a list opened with [ is never closed with ] on its line' };
      }
      return { line, message: 'this line is indented differently from the keys above it at the same level' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { line, message: 'this line is neither `key: value` nor part of the value above it' };
  }
  return { line, message: error.message.split('\n', 1)[0] ?? error.message };
}

function keyOf(lineText: string): string {
  return /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(lineText)?.[1] ?? 'this key';
}

function valueOf(lineText: string): string {
  const colon = lineText.indexOf(':');
  return lineText.slice(colon + 1).trim().replace(/"/g, '\\"');
}

/** The last line before `end` whose value opens with `quote` and does not close it on that line. */
function unclosedQuoteLine(lines: readonly string[], quote: string, end: number): number {
  for (let index = Math.min(end, lines.length) - 1; index >= 0; index--) {
    const value = /^\s*(?:-\s+)?(?:[^:#"']+:\s+)?(["'])(.*)$/.exec(lines[index] ?? '');
    if (value?.[1] === quote && !closes(value[2] ?? '', quote)) return index + 1;
  }
  return end;
}

function closes(rest: string, quote: string): boolean {
  if (quote === '"') return /(^|[^\\])(\\\\)*"/.test(rest);
  return rest.replace(/''/g, '').includes("'");
}

function openingBracketLine(lines: readonly string[], end: number): number {
  for (let index = Math.min(end, lines.length) - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (line.includes('[') && !line.includes(']')) return index + 1;
  }
  return end;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) line++;
  }
  return line;
}
