import { isAlias, parseDocument, visit, type Document } from 'yaml';
import type { FrontMatter, Problem } from './model';
import { createProblem } from './problems';
import { explainYamlError } from './yaml-error';

export interface FrontMatterSplit {
  meta: FrontMatter;
  /** Index of the first body line (0-based) in the file's lines. */
  bodyStart: number;
  problem: Problem | null;
}

const FENCE = /^---\s*$/;
const CLOSING_FENCE = /^(---|\.\.\.)\s*$/;

/**
 * Splits a leading `---` YAML block off a segment's lines and parses it.
 * A file without one has empty metadata; a broken one yields a problem naming its line.
 */
export function splitFrontMatter(lines: readonly string[], file: string): FrontMatterSplit {
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) {
    return { meta: {}, bodyStart: 0, problem: null };
  }
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closing < 0) {
    return {
      meta: {},
      bodyStart: lines.length,
      problem: createProblem('bad-front-matter', file, 1, 'front matter opened with `---` is never closed'),
    };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line, message } = explainYamlError(yamlText, error);
    return {
      meta: {},
      bodyStart: closing + 1,
      // +1 for the opening fence.
      problem: createProblem('bad-front-matter', file, line + 1, `invalid front matter: ${message}`),
    };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (failure) {
    // Some faults show only when the YAML is turned into values: an alias (`*name`) to no anchor.
    const message = failure instanceof Error ? failure.message : String(failure);
    // +2: the opening fence, and lines counted from 1.
    const line = unresolvedAliasLine(document, yamlText) + 2;
    return { meta: {}, bodyStart: closing + 1, problem: createProblem('bad-front-matter', file, line, `invalid front matter: ${message}`) };
  }
  if (isMapping(value)) return { meta: value, bodyStart: closing + 1, problem: null };
  if (yamlText.trim() === '') return { meta: {}, bodyStart: closing + 1, problem: null };
  // Not fields: the `---` was a separator and these lines are the first slide, as reveal.js reads
  // them. A block opening with a heading is plainly Markdown; anything else may be YAML gone wrong.
  const startsWithHeading = /^\s*#/.test(yamlText);
  return {
    meta: {},
    bodyStart: 0,
    problem: startsWithHeading
      ? null
      : createProblem(
          'front-matter-read-as-slide',
          file,
          2,
          'the lines between the first two `---` are not `key: value` pairs, so they are read as a slide, not front matter',
        ),
  };
}

/**
 * The 0-based line, in `yamlText`, of the first alias with no anchor before it (toJS's error
 * carries no place); 0 when the fault is elsewhere (too many aliases, say).
 */
function unresolvedAliasLine(document: Document, yamlText: string): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      if (node.resolve(document) !== undefined) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return yamlText.slice(0, offset).split('\n').length - 1;
}

function isMapping(value: unknown): value is FrontMatter {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

