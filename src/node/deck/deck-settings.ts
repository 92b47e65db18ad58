import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { explainYamlError } from '../../shared/deck/yaml-error';
import { compileAttributePattern } from '../../shared/deck/attribute-comments';
import { compileDeckPattern } from '../../shared/deck/line-pattern';
import {
  DEFAULT_SLIDE_SYNTAX,
  REVEAL_PLUGINS,
  REVEAL_THEMES,
  REVEAL_TRANSITIONS,
  type DeckSettings,
  type Problem,
  type ProblemCode,
  type RevealOptions,
  type RevealPlugin,
  type SlideSyntax,
} from '../../shared/deck/model';
import { createProblem } from '../../shared/deck/problems';
import { closestName, isRevealOption, REVEAL_OPTION_RULES } from '../../shared/deck/reveal-options';
import { resolveInDeck } from '../../shared/deck/deck-path';
import { parseSlideSize } from '../../shared/deck/slide-size';

export const DECK_SETTINGS_FILE = 'deck.yaml';

export interface DeckSettingsRead {
  settings: Partial<DeckSettings>;
  /** Segment files in the order deck.yaml lists them; undefined when it lists none. */
  segments?: string[];
  problems: Problem[];
  /** Set when the deck folder has no deck.yaml (or none that can be read): settings are defaults. */
  absent?: true;
}

/** What deck.yaml may hold besides reveal.js's options: anything else is named, as a likely typo. */
const PODIUM_KEYS = new Set([
  'title',
  'author',
  'subject',
  'date',
  'theme',
  'css',
  'transition',
  'size',
  'segments',
  'separator',
  'verticalSeparator',
  'notesSeparator',
  'elementAttributes',
  'slideAttributes',
  'revealOptions',
  'lang',
  'minFontSize',
  'duration',
  'plugins',
]);

/** A day: a longer "talk" is a typo (seconds, or a year). */
const MAX_TALK_MINUTES = 24 * 60;

/** deck.yaml's `duration`, the talk's length in minutes: a number, or text that is one (`"45"`, `12.5`). */
function talkMinutes(value: unknown): number | null {
  const minutes = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(minutes) && minutes > 0 && minutes <= MAX_TALK_MINUTES ? minutes : null;
}

/** A pattern no line matches (RE2 has no `(?!)`): a word boundary that is not one. */
const NO_SEPARATOR = String.raw`\b\B`;

/** Reads the optional `deck.yaml` of a deck folder. Every problem in it names its line. */
export async function readDeckSettings(root: string): Promise<DeckSettingsRead> {
  let text: string;
  try {
    text = await readFile(join(root, DECK_SETTINGS_FILE), 'utf8');
  } catch {
    return { settings: {}, problems: [], absent: true };
  }
  return parseDeckSettings(text, DECK_SETTINGS_FILE);
}

/**
 * Deck settings from YAML text: `deck.yaml`'s, or a single-file deck's front matter (as reveal-md
 * reads `title`, `theme` and the separators there), whose lines start `firstLine - 1` lines down.
 */
export function parseDeckSettings(
  text: string,
  file: string,
  firstLine = 1,
  { warnUnknownKeys = true }: { warnUnknownKeys?: boolean } = {},
): DeckSettingsRead {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = (line: number, message: string, code: ProblemCode = 'bad-deck-settings'): Problem =>
    createProblem(code, file, line + firstLine - 1, message);
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;

  const error = document.errors[0];
  if (error) {
    const { line, message } = explainYamlError(text, error);
    return { settings: {}, problems: [problem(line, `invalid YAML: ${message}`)] };
  }
  if (document.contents === null) return { settings: {}, problems: [] };
  if (!isMap(document.contents)) {
    return { settings: {}, problems: [problem(1, `${file} must hold \`key: value\` settings`)] };
  }

  const map = document.contents;
  const problems: Problem[] = [];
  const settings: Partial<DeckSettings> = {};
  const stringValue = (key: string): string | undefined => {
    const node = map.get(key, true);
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    problems.push(problem(lineOf(node as Node), `\`${key}\` must be text`));
    return undefined;
  };

  const title = stringValue('title');
  if (title !== undefined) settings.title = title;
  const author = stringValue('author');
  if (author !== undefined) settings.author = author;
  const subject = stringValue('subject');
  if (subject !== undefined) settings.subject = subject;

  const date = map.get('date', true);
  if (date !== undefined) settings.date = isScalar(date) ? String(date.value) : null;

  const langNode = map.get('lang', true) as Node | undefined;
  // Given, even if wrong: its error says what to fix, a "no lang" warning beside it would not.
  if (langNode !== undefined) settings.langDeclared = true;
  const lang = stringValue('lang');
  if (lang !== undefined) {
    // BCP 47's shape (RFC 5646): a 2-3 letter language, then subtags of 1-8 letters or digits.
    if (/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(lang)) settings.lang = lang;
    else problems.push(problem(lineOf(langNode), `lang "${lang}" is not a language tag: write one such as en, fr or pt-BR`));
  }

  const minFontSizeNode = map.get('minFontSize', true) as Node | undefined;
  if (minFontSizeNode !== undefined) {
    const value = isScalar(minFontSizeNode) ? minFontSizeNode.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) settings.minFontSize = value;
    else problems.push(problem(lineOf(minFontSizeNode), '`minFontSize` must be a number of pixels at 1080p, such as 24'));
  }

  const durationNode = map.get('duration', true) as Node | undefined;
  if (durationNode !== undefined) {
    const minutes = talkMinutes(isScalar(durationNode) ? durationNode.value : undefined);
    if (minutes !== null) settings.duration = minutes;
    else {
      const shown = isScalar(durationNode) ? ` "${String(durationNode.value)}"` : '';
      problems.push(problem(lineOf(durationNode), `duration${shown} is not a talk length: write the minutes, a number above 0 and at most ${MAX_TALK_MINUTES} (such as 45)`));
    }
  }

  const themeNode = map.get('theme', true) as Node | undefined;
  const theme = stringValue('theme');
  if (theme !== undefined) {
    if ((REVEAL_THEMES as readonly string[]).includes(theme)) settings.theme = theme;
    else if (/\.css$/i.test(theme.trim())) {
      // A theme of the deck's own, as reveal-md's `theme: path/to/theme.css` reads it.
      const inDeck = resolveInDeck(DECK_SETTINGS_FILE, theme.trim());
      if (inDeck) settings.themeFile = inDeck;
      else problems.push(problem(lineOf(themeNode), `theme "${theme}" is outside the deck folder`, 'outside-deck'));
    } else {
      const known = `use one of ${REVEAL_THEMES.join(', ')}, or a .css file of the deck's own`;
      problems.push(problem(lineOf(themeNode), `unknown theme "${theme}": ${known}`, 'unknown-theme'));
    }
  }

  const pluginsNode = map.get('plugins', true);
  if (pluginsNode !== undefined) {
    if (isSeq(pluginsNode) && pluginsNode.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
      const plugins: RevealPlugin[] = [];
      for (const item of pluginsNode.items as { value: string }[]) {
        const name = item.value.trim().toLowerCase();
        if ((REVEAL_PLUGINS as readonly string[]).includes(name)) {
          if (!plugins.includes(name as RevealPlugin)) plugins.push(name as RevealPlugin);
          continue;
        }
        problems.push(
          problem(
            lineOf(item as unknown as Node),
            `unknown plugin "${item.value}": Podium bundles ${REVEAL_PLUGINS.join(' and ')}; notes, Markdown, highlight and math are built in`,
            'unknown-plugin',
          ),
        );
      }
      settings.plugins = plugins;
    } else {
      problems.push(problem(lineOf(pluginsNode as Node), `\`plugins\` must be a list of names: ${REVEAL_PLUGINS.join(', ')}`));
    }
  }

  const cssNode = map.get('css', true) as Node | undefined;
  const css = stringValue('css');
  if (css !== undefined) {
    const inDeck = resolveInDeck(DECK_SETTINGS_FILE, css);
    if (inDeck) settings.css = inDeck;
    else problems.push(problem(lineOf(cssNode), `css "${css}" is outside the deck folder`, 'outside-deck'));
  }

  const transitionNode = map.get('transition', true) as Node | undefined;
  const transition = stringValue('transition');
  if (transition !== undefined) {
    if ((REVEAL_TRANSITIONS as readonly string[]).includes(transition)) settings.transition = transition;
    else {
      const known = REVEAL_TRANSITIONS.join(', ');
      problems.push(problem(lineOf(transitionNode), `unknown transition "${transition}": use one of ${known}`, 'unknown-transition'));
    }
  }

  const syntax: SlideSyntax = { ...DEFAULT_SLIDE_SYNTAX };
  for (const key of ['separator', 'verticalSeparator', 'notesSeparator'] as const) {
    const node = map.get(key, true) as Node | undefined;
    const pattern = stringValue(key);
    if (pattern === undefined) continue;
    try {
      compileDeckPattern(pattern);
      syntax[key] = pattern;
    } catch (error) {
      problems.push(
        problem(
          lineOf(node),
          `\`${key}\` is not a regular expression Podium can run: ${(error as Error).message} ` +
            '(separators run on a linear-time engine, without lookaround or backreferences)',
          'bad-separator',
        ),
      );
    }
  }
  // reveal.js's Markdown plugin has no vertical separator of its own: a deck that names its
  // `separator` and no `verticalSeparator` gets none, as `data-separator` alone does in reveal.js.
  if (map.has('separator') && !map.has('verticalSeparator')) {
    syntax.verticalSeparator = NO_SEPARATOR;
  }
  // reveal.js's `data-element-attributes` / `data-attributes`, for decks that write their own comments.
  for (const key of ['elementAttributes', 'slideAttributes'] as const) {
    const node = map.get(key, true) as Node | undefined;
    const pattern = stringValue(key);
    if (pattern === undefined) continue;
    try {
      compileAttributePattern(pattern);
      syntax[key] = pattern;
    } catch (error) {
      problems.push(
        problem(
          lineOf(node),
          `\`${key}\` is not a pattern Podium can read attribute comments with: ${(error as Error).message} ` +
            '(patterns run on a linear-time engine, without lookaround or backreferences)',
          'bad-attribute-pattern',
        ),
      );
    }
  }
  settings.syntax = syntax;

  const sizeNode = map.get('size', true) as Node | undefined;
  const size = stringValue('size');
  if (size !== undefined) {
    const parsed = parseSlideSize(size);
    if (parsed) [settings.width, settings.height] = parsed;
    else problems.push(problem(lineOf(sizeNode), `unknown size "${size}": use 16:9, 4:3 or WIDTHxHEIGHT`, 'unknown-size'));
  }

  let segments: string[] | undefined;
  const segmentsNode = map.get('segments', true);
  if (segmentsNode !== undefined) {
    if (isSeq(segmentsNode) && segmentsNode.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
      segments = segmentsNode.items.map((item) => String((item as { value: string }).value));
    } else {
      problems.push(problem(lineOf(segmentsNode as Node), '`segments` must be a list of file names'));
    }
  }
  // reveal.js's own options: at the top level, as in Reveal.initialize(), or under
  // `revealOptions:` as reveal-md reads them.
  const reveal: RevealOptions = {};
  const takeRevealOption = (key: string, node: unknown): void => {
    if (!isRevealOption(key)) return;
    const value = isScalar(node) ? node.value : undefined;
    const rule = REVEAL_OPTION_RULES[key];
    if (rule.accepts(value)) Object.assign(reveal, { [key]: value });
    else problems.push(problem(lineOf(node as Node), `\`${key}\` takes ${rule.expected}`, 'bad-reveal-option'));
  };
  const revealOptionsNode = map.get('revealOptions', true);
  if (revealOptionsNode !== undefined) {
    if (!isMap(revealOptionsNode)) {
      problems.push(problem(lineOf(revealOptionsNode as Node), '`revealOptions` must hold `option: value` pairs'));
    } else {
      for (const pair of revealOptionsNode.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key === 'transition' && isScalar(pair.value) && typeof pair.value.value === 'string') {
          settings.transition ??= pair.value.value;
        } else if (isRevealOption(key)) {
          takeRevealOption(key, pair.value);
        } else {
          const near = closestName(key, Object.keys(REVEAL_OPTION_RULES));
          const hint = near ? `: did you mean \`${near}\`?` : ' (Podium passes on only the options it knows)';
          problems.push(problem(lineOf(pair.key as Node), `unknown reveal.js option \`${key}\`${hint}`, 'unknown-setting'));
        }
      }
    }
  }
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (isRevealOption(key)) takeRevealOption(key, pair.value);
    else if (warnUnknownKeys && !PODIUM_KEYS.has(key)) {
      const near = closestName(key, [...PODIUM_KEYS, ...Object.keys(REVEAL_OPTION_RULES)]);
      const hint = near ? `: did you mean \`${near}\`?` : '';
      problems.push(problem(lineOf(pair.key as Node), `unknown setting \`${key}\`${hint}`, 'unknown-setting'));
    }
  }
  if (Object.keys(reveal).length > 0) settings.reveal = reveal;

  return { settings, segments, problems };
}
