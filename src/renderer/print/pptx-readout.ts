import {
  PPTX_HIDE_CONTENT_FUNCTION,
  PPTX_HIDE_TEXT_FUNCTION,
  PPTX_READOUT_FUNCTION,
  type PptxBox,
  type PptxDecoration,
  type PptxPageReadout,
  type PptxParagraph,
  type PptxPicture,
  type PptxRun,
  type PptxShape,
  type PptxSlideLayout,
  type PptxTable,
  type PptxTextBlock,
} from '../../shared/export/pptx-layout';

/** Marks what became text, so that the pictures and backgrounds are captured without it. */
const TEXT_MARK = 'data-podium-pptx-text';
/** An element a CSS effect keeps from being a shape: it becomes a picture of itself, text and all. */
const EFFECT_MARK = 'data-podium-pptx-picture';
const PICTURES = `img, svg, video, canvas, iframe, .katex, .podium-refused-frame, [${EFFECT_MARK}]`;
const TEXT_BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'CAPTION']);

/**
 * Installs the read-out the PPTX export calls on the laid-out print page (`export-pptx.ts`):
 * Chromium's layout, read as shapes, is what PowerPoint gets, so text lands where it was shown.
 */
export function installPptxReadout(win: Window): void {
  Object.assign(win, {
    [PPTX_READOUT_FUNCTION]: (): PptxPageReadout[] => [...win.document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')].map(readPage),
    // The text goes transparent rather than hidden: its boxes' fills and borders, a heading's rule
    // and a list's own markers (CSS the shapes do not carry) stay in the background's capture.
    [PPTX_HIDE_TEXT_FUNCTION]: () =>
      addStyle(
        win.document,
        `[${TEXT_MARK}], [${TEXT_MARK}] * { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; }`,
      ),
    [PPTX_HIDE_CONTENT_FUNCTION]: () => addStyle(win.document, `.reveal .slides .pdf-page section :is(${PICTURES}) { visibility: hidden !important; }`),
  });
}

function addStyle(document: Document, css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}

function readPage(page: HTMLElement): PptxPageReadout {
  const origin = page.getBoundingClientRect();
  const section = page.querySelector<HTMLElement>('section[data-podium-file]') ?? page.querySelector<HTMLElement>('section');
  const shapes: PptxShape[] = [];
  if (section) collect(section, origin, shapes);
  const background = readBackground(page);
  const decorations = background.backgroundPicture ? null : readDecorations(page, section, origin, shapes);
  return {
    file: section?.dataset.podiumFile ?? '',
    line: Number(section?.dataset.podiumLine ?? 0),
    title: '',
    notes: '',
    backgroundColor: background.backgroundColor,
    backgroundPicture: decorations === null,
    decorations: decorations ?? [],
    shapes,
    pageTop: origin.top + window.scrollY,
    pageLeft: origin.left + window.scrollX,
  };
}

function collect(element: Element, origin: DOMRect, shapes: PptxShape[]): void {
  for (const child of element.children) {
    if (!shown(child) || child.matches('aside.notes, .slide-background')) continue;
    const effect = cssEffectOf(child);
    if (effect) {
      child.setAttribute(EFFECT_MARK, '');
      shapes.push({ kind: 'picture', box: boxOf(child, origin), alt: (child.textContent ?? '').replace(/\s+/g, ' ').trim(), reason: effect });
    } else if (child.matches(PICTURES)) {
      shapes.push(picture(child, origin));
    } else if ((child.tagName === 'UL' || child.tagName === 'OL') && laidOutItems(child)) {
      // Items laid out as rows of boxes (a number's disc, a title, a chip of minutes, as the agenda
      // does) are no paragraphs: each box becomes text where it was, its drawings in the background.
      for (const item of child.children) if (shown(item)) collect(item, origin, shapes);
    } else if (child.tagName === 'UL' || child.tagName === 'OL') {
      shapes.push(listBlock(child as HTMLElement, origin));
      pictures(child, origin, shapes);
    } else if (child.tagName === 'TABLE') {
      shapes.push(table(child as HTMLTableElement, origin));
    } else if (TEXT_BLOCKS.has(child.tagName) || hasOwnText(child)) {
      const block = textBlock(child as HTMLElement, origin);
      if (block.paragraphs.some((paragraph) => paragraph.runs.length > 0)) shapes.push(block);
      pictures(child, origin, shapes);
    } else {
      collect(child, origin, shapes);
    }
  }
}

/** The pictures inside a block that became text (an image in a paragraph, inline math). */
function pictures(block: Element, origin: DOMRect, shapes: PptxShape[]): void {
  for (const element of block.querySelectorAll(PICTURES)) {
    if (element.parentElement?.closest(PICTURES) || !shown(element)) continue;
    shapes.push(picture(element, origin));
  }
}

/**
 * The CSS effect no PowerPoint shape can carry, named as the export's warning names it: text
 * turned or distorted, filtered, blended, clipped or set vertically. Null when a shape can say it
 * (a plain translation, as reveal.js leaves a shown fragment, moves the box and nothing else).
 */
function cssEffectOf(element: Element): string | null {
  const style = getComputedStyle(element);
  const translated = /^matrix\(1, 0, 0, 1, [^,]+, [^,]+\)$/.test(style.transform);
  const effect =
    style.transform !== 'none' && !translated ? 'transform'
    : style.filter !== 'none' ? 'filter'
    : style.mixBlendMode !== 'normal' ? 'mix-blend-mode'
    : style.clipPath !== 'none' ? 'clip-path'
    : style.getPropertyValue('-webkit-background-clip') === 'text' ? 'background-clip: text'
    : style.writingMode !== 'horizontal-tb' ? 'writing-mode'
    : null;
  if (!effect) return null;
  const classes = [...element.classList].map((name) => `.${name}`).join('');
  return `the CSS ${effect} of ${element.tagName.toLowerCase()}${classes}`;
}

/** A list whose items are flex or grid containers: their children are placed as boxes, not as a line of text. */
function laidOutItems(list: Element): boolean {
  return [...list.children].some((item) => item.tagName === 'LI' && /^(inline-)?(flex|grid)$/.test(getComputedStyle(item).display));
}

function shown(element: Element): boolean {
  const style = getComputedStyle(element);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  // A fragment not yet shown on this page (a step of `--fragments`) is transparent, not hidden.
  for (let at: Element | null = element; at && at.tagName !== 'SECTION'; at = at.parentElement) {
    if (getComputedStyle(at).opacity === '0') return false;
  }
  return true;
}

function hasOwnText(element: Element): boolean {
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
    if (node instanceof HTMLElement && getComputedStyle(node).display.startsWith('inline') && !node.matches(PICTURES) && node.textContent?.trim()) {
      return true;
    }
  }
  return false;
}

function boxOf(element: Element, origin: DOMRect, content = false): PptxBox {
  const rect = element.getBoundingClientRect();
  if (!content) return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
  const style = getComputedStyle(element);
  const px = (value: string): number => Number.parseFloat(value) || 0;
  const left = px(style.borderLeftWidth) + px(style.paddingLeft);
  const top = px(style.borderTopWidth) + px(style.paddingTop);
  return {
    x: rect.left - origin.left + left,
    y: rect.top - origin.top + top,
    width: rect.width - left - px(style.borderRightWidth) - px(style.paddingRight),
    height: rect.height - top - px(style.borderBottomWidth) - px(style.paddingBottom),
  };
}

function textBlock(element: HTMLElement, origin: DOMRect): PptxTextBlock {
  element.setAttribute(TEXT_MARK, '');
  const style = getComputedStyle(element);
  const heading = /^H([1-6])$/.exec(element.tagName);
  const fill = hexColor(style.backgroundColor);
  return {
    kind: 'text',
    box: boxOf(element, origin, true),
    paragraphs: [paragraph(element, style)],
    ...(fill && { fill }),
    ...(heading && { heading: Number(heading[1]) }),
  };
}

function listBlock(list: HTMLElement, origin: DOMRect): PptxTextBlock {
  list.setAttribute(TEXT_MARK, '');
  const paragraphs: PptxParagraph[] = [];
  const addItems = (current: Element, level: number): void => {
    const numbered = current.tagName === 'OL';
    for (const item of current.children) {
      if (item.tagName !== 'LI' || !shown(item)) continue;
      const style = getComputedStyle(item);
      // A theme that draws its own markers (`li::before`) keeps them, in the background's capture.
      const bullet = style.listStyleType === 'none' ? undefined : { numbered, level };
      paragraphs.push({ ...paragraph(item as HTMLElement, style, 'UL, OL'), ...(bullet && { bullet }) });
      for (const nested of item.querySelectorAll(':scope > ul, :scope > ol')) addItems(nested, level + 1);
    }
  };
  addItems(list, 0);
  const box = boxOf(list, origin);
  // Markers of the theme's own stay in the background: the text starts where the items' text does.
  const first = list.querySelector(':scope > li');
  if (first && getComputedStyle(first).listStyleType === 'none') {
    const text = boxOf(first, origin, true);
    box.width -= text.x - box.x;
    box.x = text.x;
  }
  return { kind: 'text', box, paragraphs };
}

function table(element: HTMLTableElement, origin: DOMRect): PptxTable {
  element.setAttribute(TEXT_MARK, '');
  const rows = [...element.rows].map((row) =>
    [...row.cells].map((cell) => {
      const style = getComputedStyle(cell);
      const fill = hexColor(style.backgroundColor) ?? hexColor(getComputedStyle(row).backgroundColor);
      return {
        paragraphs: [paragraph(cell, style)],
        header: cell.tagName === 'TH',
        width: cell.getBoundingClientRect().width,
        ...(fill && { fill }),
      };
    }),
  );
  const firstCell = element.rows[0]?.cells[0];
  const border = firstCell ? hexColor(getComputedStyle(firstCell).borderBottomColor) : undefined;
  return { kind: 'table', box: boxOf(element, origin), rows, ...(border && { border }) };
}

function picture(element: Element, origin: DOMRect): PptxPicture {
  const box = boxOf(element, origin);
  if (element instanceof HTMLImageElement) return { kind: 'picture', box, alt: element.alt };
  if (element.matches('.katex')) {
    // slide-html.ts keeps the TeX in `data-tex`: the sanitizer drops MathML's annotation.
    const tex = element.getAttribute('data-tex') ?? element.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
    return { kind: 'picture', box, alt: tex.trim(), reason: 'math' };
  }
  const label = element.getAttribute('aria-label') ?? element.querySelector('title')?.textContent ?? '';
  const reason = element.matches('svg') ? 'an SVG drawing' : element.matches('video') ? 'a video' : element.matches('canvas') ? 'a canvas' : 'an embedded page';
  return { kind: 'picture', box, alt: label, reason };
}

/** One paragraph: the element's text in runs, without what `skip` matches (a nested list). */
function paragraph(element: HTMLElement, style: CSSStyleDeclaration, skip?: string): PptxParagraph {
  const runs: PptxRun[] = [];
  const preformatted = style.whiteSpace.startsWith('pre');
  const lines = balanced(style) ? new LineTracker() : undefined;
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child as Text;
        for (const piece of lines ? lines.split(text) : [{ text: text.textContent ?? '', wrapBefore: false }]) {
          const start = runs.length;
          addText(runs, piece.text, text.parentElement, preformatted);
          const first = runs[start];
          if (piece.wrapBefore && first) {
            first.wrapBefore = true;
            first.text = first.text.trimStart();
            const before = runs[start - 1];
            if (before) before.text = before.text.trimEnd();
          }
        }
      } else if (child instanceof HTMLBRElement) {
        const last = runs.at(-1);
        if (last) last.breakAfter = true;
      } else if (child instanceof Element) {
        if (child.matches(PICTURES) || child.matches('aside.notes') || (skip && child.matches(skip)) || !shown(child)) continue;
        walk(child);
      }
    }
  };
  walk(element);
  if (!preformatted) trimEnds(runs);
  const lineHeight = Number.parseFloat(style.lineHeight);
  return {
    runs,
    align: alignOf(style.textAlign),
    ...(Number.isFinite(lineHeight) && { lineHeight }),
    spaceAfter: Number.parseFloat(style.marginBottom) || 0,
  };
}

function balanced(style: CSSStyleDeclaration): boolean {
  return style.getPropertyValue('text-wrap-style') === 'balance' || style.getPropertyValue('text-wrap') === 'balance';
}

/**
 * Where Chromium wrapped a paragraph's lines, found word by word from the words' boxes: a word
 * whose box starts lower than the last one's begins a line.
 */
class LineTracker {
  private lastTop: number | undefined;

  /** The node's text, cut where a line begins inside it. */
  split(node: Text): { text: string; wrapBefore: boolean }[] {
    const text = node.textContent ?? '';
    const starts: number[] = [];
    for (const word of text.matchAll(/\S+/g)) {
      const range = node.ownerDocument.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (this.lastTop !== undefined && box.top > this.lastTop + box.height / 2) starts.push(word.index);
      this.lastTop = box.top;
    }
    const cuts = [0, ...starts.filter((start) => start > 0), text.length];
    const wrapsAtStart = starts[0] === 0;
    return cuts.slice(1).map((end, index) => ({ text: text.slice(cuts[index], end), wrapBefore: index > 0 || wrapsAtStart }));
  }
}

function addText(runs: PptxRun[], content: string, parent: HTMLElement | null, blockPreformatted: boolean): void {
  let preformatted = blockPreformatted;
  if (!parent) return;
  const style = getComputedStyle(parent);
  let text = transformed(content, style.textTransform);
  // reveal.js sets a code block's `white-space` on its <code>, not on the <pre>.
  preformatted ||= style.whiteSpace.startsWith('pre') || style.whiteSpace === 'break-spaces';
  if (!preformatted) text = text.replace(/\s+/g, ' ');
  if (text === '') return;
  const link = parent.closest('a');
  const run: Omit<PptxRun, 'text'> = {
    color: hexColor(style.color) ?? '#000000',
    fontFace: firstFamily(style.fontFamily),
    fontSize: Number.parseFloat(style.fontSize),
    bold: Number(style.fontWeight) >= 600,
    italic: style.fontStyle !== 'normal',
    underline: style.textDecorationLine.includes('underline'),
    code: parent.closest('code') !== null,
    ...(link?.href && { href: link.href }),
  };
  // A code block's lines are paragraphs' line breaks in PowerPoint.
  const lines = preformatted ? text.split('\n') : [text];
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (line === '' && !last) {
      const previous = runs.at(-1);
      if (previous && !previous.breakAfter) previous.breakAfter = true;
      else runs.push({ ...run, text: '', breakAfter: true });
      return;
    }
    if (line !== '') runs.push({ ...run, text: line, ...(!last && { breakAfter: true }) });
  });
}

/** The text as shown: `text-transform` changes what a reader of the slide sees, so PowerPoint gets it too. */
function transformed(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toLocaleUpperCase();
  if (transform === 'lowercase') return text.toLocaleLowerCase();
  if (transform === 'capitalize') return text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase());
  return text;
}

function trimEnds(runs: PptxRun[]): void {
  while (runs[0] && runs[0].text.trim() === '' && !runs[0].breakAfter) runs.shift();
  if (runs[0]) runs[0].text = runs[0].text.trimStart();
  while (runs.at(-1) && runs.at(-1)!.text.trim() === '') runs.pop();
  const last = runs.at(-1);
  if (last) {
    last.text = last.text.trimEnd();
    delete last.breakAfter;
  }
}

/**
 * What CSS paints on the page besides its background colour, as rectangles, and the slide
 * number as text; null when something needs the background captured as a picture (an image or
 * gradient, a shadow or filter, a pseudo-element's drawing, a drawing over the slide).
 */
function readDecorations(page: HTMLElement, section: HTMLElement | null, origin: DOMRect, shapes: PptxShape[]): PptxDecoration[] | null {
  const decorations: PptxDecoration[] = [];
  for (const child of page.children) {
    if (child === section || child.matches('.slide-background, aside.notes') || !shown(child)) continue;
    if (!child.matches('.slide-number, .slide-number-pdf')) return null;
    if (!decorate(child, origin, decorations)) return null;
    const block = textBlock(child as HTMLElement, origin);
    if (block.paragraphs.some((paragraph) => paragraph.runs.length > 0)) shapes.push(block);
  }
  if (section && !decorate(section, origin, decorations)) return null;
  return decorations;
}

/** Adds what `element` and its descendants paint to `out`; false when a rectangle cannot say it. */
function decorate(element: Element, origin: DOMRect, out: PptxDecoration[]): boolean {
  const style = getComputedStyle(element);
  if (style.display === 'none' || style.opacity === '0' || element.matches('aside.notes')) return true;
  // A picture is captured with what it paints; a table's fills and borders are the table's own.
  if (element.matches(PICTURES) || element.tagName === 'TABLE') return true;
  if (style.visibility !== 'hidden' && !paintOf(element, style, origin, out)) return false;
  for (const child of element.children) if (!decorate(child, origin, out)) return false;
  return true;
}

function paintOf(element: Element, style: CSSStyleDeclaration, origin: DOMRect, out: PptxDecoration[]): boolean {
  const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  if (style.backgroundImage !== 'none' || style.boxShadow !== 'none' || style.filter !== 'none' || style.mixBlendMode !== 'normal' || style.clipPath !== 'none' || outline) {
    return false;
  }
  for (const pseudo of ['::before', '::after']) {
    const content = getComputedStyle(element, pseudo).content;
    if (content !== 'none' && content !== 'normal') return false;
  }
  const fill = colorOf(style.backgroundColor);
  const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => {
    const width = Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) || 0;
    const kind = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
    const color = colorOf(style.getPropertyValue(`border-${side.toLowerCase()}-color`));
    return width > 0 && kind !== 'none' && kind !== 'hidden' && color ? { width, kind, color } : undefined;
  });
  if (!fill && sides.every((side) => !side)) return true;
  if ((fill || sides.some(Boolean)) && (style.transform !== 'none' || Number(style.opacity) < 1)) return false;
  if (sides.some((side) => side && side.kind !== 'solid')) return false;
  const box = boxOf(element, origin);
  const radii = ['border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius'].map((name) =>
    radiusOf(style.getPropertyValue(name), box),
  );
  const radius = radii[0]!;
  if (radii.some((value) => Math.abs(value - radius) > 0.5)) return false;
  const [top, right, bottom, left] = sides;
  const uniform = sides.every((side) => side && side.width === top!.width && side.color.color === top!.color.color && side.color.alpha === top!.color.alpha);
  if (uniform && top) {
    // PowerPoint centres a line on the shape's edge; CSS draws the border inside the box.
    const inset = top.width / 2;
    out.push({
      box: { x: box.x + inset, y: box.y + inset, width: Math.max(0, box.width - top.width), height: Math.max(0, box.height - top.width) },
      ...(fill && { fill }),
      line: { ...top.color, width: top.width },
      radius: Math.max(0, radius - inset),
    });
    return true;
  }
  if (fill) out.push({ box, fill, radius });
  if (sides.some(Boolean) && radius > 0) return false;
  // Sides of their own (a heading's rule, a quote's bar): thin filled rectangles.
  if (top) out.push({ box: { ...box, height: top.width }, fill: top.color, radius: 0 });
  if (bottom) out.push({ box: { ...box, y: box.y + box.height - bottom.width, height: bottom.width }, fill: bottom.color, radius: 0 });
  if (left) out.push({ box: { ...box, width: left.width }, fill: left.color, radius: 0 });
  if (right) out.push({ box: { ...box, x: box.x + box.width - right.width, width: right.width }, fill: right.color, radius: 0 });
  return true;
}

/** A computed corner radius (`12px`, `50%`, `12px 8px`) in px, for `box`. */
function radiusOf(value: string, box: PptxBox): number {
  const first = value.trim().split(/\s+/)[0] ?? '0';
  const number = Number.parseFloat(first) || 0;
  const px = first.endsWith('%') ? (number / 100) * Math.min(box.width, box.height) : number;
  return Math.min(px, Math.min(box.width, box.height) / 2);
}

/** A CSS colour as `#rrggbb` and its opacity; undefined when transparent. */
function colorOf(css: string): { color: string; alpha: number } | undefined {
  const color = hexColor(css);
  if (!color) return undefined;
  const parts = /rgba?\(([^)]+)\)/.exec(css)?.[1]?.split(/[\s,/]+/).filter(Boolean) ?? [];
  const alpha = parts.length > 3 ? Number.parseFloat(parts[3]!) : 1;
  return { color, alpha: Number.isFinite(alpha) ? alpha : 1 };
}

function readBackground(page: HTMLElement): Pick<PptxSlideLayout, 'backgroundColor' | 'backgroundPicture'> {
  const layers = [page, ...page.querySelectorAll<HTMLElement>('.slide-background, .slide-background-content')];
  let color: string | undefined;
  let picture = false;
  for (const layer of layers) {
    const style = getComputedStyle(layer);
    color = hexColor(style.backgroundColor) ?? color;
    if (style.backgroundImage !== 'none') picture = true;
    // A background layer's own video or image (the page itself holds the slide's pictures).
    if (layer !== page && layer.querySelector('video, iframe, img')) picture = true;
  }
  // A theme paints the whole deck's background on `.reveal` (`--r-background-color`).
  const deckStyle = getComputedStyle(page.closest('.reveal') ?? page);
  if (deckStyle.backgroundImage !== 'none') picture = true;
  return { backgroundColor: color ?? hexColor(deckStyle.backgroundColor) ?? '#ffffff', backgroundPicture: picture };
}

function alignOf(textAlign: string): PptxParagraph['align'] {
  if (textAlign === 'center' || textAlign === 'justify') return textAlign;
  return textAlign === 'right' || textAlign === 'end' ? 'right' : 'left';
}

/**
 * The font PowerPoint is told to use: the first family CSS names, a CSS generic family as the font
 * every PowerPoint, Keynote and LibreOffice has for it (a reader knows no `monospace`: a code block
 * would come out in the default proportional font).
 */
function firstFamily(fontFamily: string): string {
  const first = (fontFamily.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
  return GENERIC_FAMILIES[first.toLowerCase()] ?? (first || 'Arial');
}

const GENERIC_FAMILIES: Record<string, string> = {
  monospace: 'Courier New',
  'ui-monospace': 'Courier New',
  'sans-serif': 'Arial',
  'system-ui': 'Arial',
  'ui-sans-serif': 'Arial',
  serif: 'Times New Roman',
  'ui-serif': 'Times New Roman',
};

/** `rgb(…)`/`rgba(…)` as `#rrggbb`; undefined when transparent. */
function hexColor(css: string): string | undefined {
  const parts = /rgba?\(([^)]+)\)/.exec(css)?.[1]?.split(/[\s,/]+/).filter(Boolean);
  if (!parts || parts.length < 3) return undefined;
  if (parts.length > 3 && Number.parseFloat(parts[3]!) === 0) return undefined;
  return `#${parts
    .slice(0, 3)
    .map((part) => Math.round(Number.parseFloat(part)).toString(16).padStart(2, '0'))
    .join('')}`;
}
