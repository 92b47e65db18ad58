/** The typed model of a deck: what the parser makes and every other layer reads. */

export type Severity = 'error' | 'warning';

/**
 * What kind of problem a deck has: code reads this, never the sentence, and its severity comes
 * from it (problems.ts holds the one table).
 */
export type ProblemCode =
  /** A file the deck refers to (image, background, stylesheet, segment of deck.yaml) is not there. */
  | 'missing-file'
  /** An image or background that is there but is no picture a browser can draw (a `.png` holding text). */
  | 'bad-image'
  /** A path or a symlink that leads out of the deck folder. */
  | 'outside-deck'
  /** A segment that exists but cannot be read as one: a folder, binary, too large, unreadable. */
  | 'unreadable-segment'
  /** A folder with no segment at all. */
  | 'no-slides'
  | 'empty-slide'
  /** Front matter that is never closed, or is not valid YAML. */
  | 'bad-front-matter'
  /** Lines between the first two `---` that are not `key: value` pairs, read as a slide. */
  | 'front-matter-read-as-slide'
  /** `<!-- .elemnt: … -->`: a comment reveal.js does not read. */
  | 'unknown-attribute-comment'
  /** deck.yaml that is not YAML, not `key: value` settings, or a setting of the wrong type. */
  | 'bad-deck-settings'
  | 'unknown-theme'
  /** A plugin in deck.yaml's `plugins` that Podium does not bundle. */
  | 'unknown-plugin'
  | 'unknown-transition'
  | 'unknown-size'
  /** A slide separator in deck.yaml that is not a valid regular expression. */
  | 'bad-separator'
  /** deck.yaml's `elementAttributes` or `slideAttributes` that is not a pattern Podium can run. */
  | 'bad-attribute-pattern'
  /** A deck.yaml key neither Podium nor reveal.js knows: a typo, most often. */
  | 'unknown-setting'
  /** A reveal.js option with a value reveal.js does not accept. */
  | 'bad-reveal-option'
  /** An `<iframe>` or a `data-background-iframe`: the pages' Content-Security-Policy allows no frames. */
  | 'refused-frame'
  /** A picture, video or background a slide takes from the web (`https://…`): the pages never load it. */
  | 'network-media'
  /** A stylesheet loads a file from the network, which a static copy does not. */
  | 'network-file'
  /** `podium check`: a slide without speaker notes. */
  | 'no-notes'
  /** `podium check`: a slide's content is larger than the slide. */
  | 'overflow'
  /** `podium check`: no browser to lay the slides out in. */
  | 'layout-not-checked'
  /** `podium check`, for the hall: an image with no alternative text (`alt=""` marks a decoration). */
  | 'missing-alt'
  /** Text whose contrast with what is behind it, as laid out, is below WCAG AA (4.5:1, 3:1 when large). */
  | 'low-contrast'
  /** Text smaller than deck.yaml's `minFontSize` (px at 1080p): unreadable from the back of a hall. */
  | 'small-text'
  /** A slide with no heading: a screen reader's list of slides, and the PDF's outline, miss it. */
  | 'no-heading'
  /** Two slides of one segment with the same heading: a reader cannot tell them apart. */
  | 'duplicate-heading'
  /** A link whose text is its URL: read out letter by letter, meaningless on a slide. */
  | 'url-link-text'
  /** deck.yaml gives no `lang`: the pages and the PDF say English, which may be wrong. */
  | 'no-lang';

/** A problem in a deck, with the place a person must go to fix it. */
export interface Problem {
  code: ProblemCode;
  /** Decided by `code` (problems.ts), never by the message. */
  severity: Severity;
  /** Path relative to the deck folder, with forward slashes. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export type FrontMatter = Record<string, unknown>;

export interface Segment {
  /** Path relative to the deck folder, with forward slashes. */
  file: string;
  /** `title` from the front matter, else the first slide's title. */
  title: string | null;
  meta: FrontMatter;
}

export interface Slide {
  /** reveal.js indices: `#/h/v`. */
  h: number;
  v: number;
  /** Index into `Deck.segments`. */
  segment: number;
  /** 1-based line of the slide's first non-blank line in its segment file. */
  line: number;
  /** The slide's Markdown, without its notes. */
  markdown: string;
  /** Text of the slide's first heading. */
  title: string | null;
  notes: string | null;
  /** Number of fragments (`class="fragment"` on an element), i.e. extra steps before the next slide. */
  fragments: number;
  /** From `<!-- .slide: name="value" -->`: attributes for the slide's `<section>`, unsanitized. */
  attributes: Record<string, string>;
  /** Set when this slide stands in for content that could not be read: shown as an error slide. */
  error: Problem | null;
  /**
   * The slide's HTML as its Markdown renders, not sanitized: only in the deck a print page loads
   * (`GET /api/deck?html`), rendered by the server while the browser starts (deck-html.ts).
   */
  html?: string;
}

/** Line patterns that split a segment, as reveal.js's `data-separator*` attributes do (regex sources). */
export interface SlideSyntax {
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
  /**
   * reveal.js's `data-element-attributes` and `data-attributes`: the comment text that sets an
   * element's or a slide's attributes, its first group the attributes. Absent: `.element:` and
   * `.slide:`, reveal.js's defaults.
   */
  elementAttributes?: string;
  slideAttributes?: string;
}

export const DEFAULT_SLIDE_SYNTAX: SlideSyntax = {
  separator: '^---\\s*$',
  verticalSeparator: '^--\\s*$',
  notesSeparator: '^\\s*notes?:',
};

/** The reveal.js configuration a deck may set, checked: passed to `new Reveal(…, options)` as is. */
export interface RevealOptions {
  controls?: boolean;
  progress?: boolean;
  slideNumber?: boolean | 'h.v' | 'h/v' | 'c' | 'c/t';
  hash?: boolean;
  center?: boolean;
  loop?: boolean;
  showNotes?: boolean;
  transitionSpeed?: 'default' | 'fast' | 'slow';
  backgroundTransition?: string;
  navigationMode?: 'default' | 'linear' | 'grid';
  autoSlide?: number | false;
  margin?: number;
}

export interface DeckSettings {
  title: string | null;
  author: string | null;
  /** What the deck is about, in a sentence: the PDF's and the PPTX's subject. */
  subject: string | null;
  /** Free text as deck.yaml gives it, e.g. `2024-08-11`. */
  date: string | null;
  /** The deck's language, a BCP 47 tag (`en`, `fr-CA`): the pages' `lang` and the PDF's `/Lang`. */
  lang: string;
  /** Whether deck.yaml gave `lang` (valid or not), rather than leaving it to the default. */
  langDeclared: boolean;
  /** The smallest text `podium check` accepts, in px of a 1080-pixel-high slide (deck.yaml `minFontSize`). */
  minFontSize: number;
  /** A reveal.js theme by name. */
  theme: string;
  /** A deck's own reveal.js theme (`theme: my-theme.css`), in the deck folder, in place of the named one. */
  themeFile?: string;
  /** reveal.js's bundled plugins the deck asks for (`plugins: [zoom, search]`); absent when none. */
  plugins?: RevealPlugin[];
  /** A stylesheet in the deck folder, relative to it, loaded after the theme. */
  css: string | null;
  transition: string | null;
  /** Slide size in CSS pixels. */
  width: number;
  height: number;
  syntax: SlideSyntax;
  /** The talk's length in minutes (deck.yaml's `duration`); absent when it gives none. */
  duration?: number;
  /** reveal.js options the deck sets (deck.yaml, or its `revealOptions`); absent when none. */
  reveal?: RevealOptions;
}

export interface Deck {
  title: string;
  settings: DeckSettings;
  segments: Segment[];
  slides: Slide[];
  problems: Problem[];
}

export const DEFAULT_SLIDE_WIDTH = 1920;
export const DEFAULT_SLIDE_HEIGHT = 1080;
export const DEFAULT_THEME = 'black';
export const DEFAULT_LANG = 'en';
/** Text readable from the back of a hall: 24 px on a 1080-pixel-high screen. */
export const DEFAULT_MIN_FONT_SIZE = 24;

/** The themes reveal.js ships, each usable by name as `theme:` in deck.yaml. */
export const REVEAL_THEMES = [
  'beige',
  'black',
  'black-contrast',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white',
  'white-contrast',
] as const;
export type RevealTheme = (typeof REVEAL_THEMES)[number];

/** reveal.js's bundled plugins a deck may ask for; notes, Markdown, highlight and math are built in. */
export const REVEAL_PLUGINS = ['zoom', 'search'] as const;
export type RevealPlugin = (typeof REVEAL_PLUGINS)[number];

export const REVEAL_TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
