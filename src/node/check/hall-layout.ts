import type { Deck, Problem } from '../../shared/deck/model';
import { createProblem } from '../../shared/deck/problems';
import type { PrintTarget } from '../export/print-target';

/** One text node as laid out on a print page: where it is, and how it is drawn. */
interface TextRun {
  page: number;
  file: string;
  line: number;
  text: string;
  color: string;
  /** The product of its ancestors' opacity: a half-faded fragment is half as legible. */
  opacity: number;
  fontSize: number;
  fontWeight: number;
  /** Its line boxes, [x, y, width, height] in CSS px of its page. */
  rects: [number, number, number, number][];
}

/** Every visible text node of the slides, page by page (notes and drawings left out). */
const TEXT_RUNS_SCRIPT = `(() => {
  const runs = [];
  const pages = [...document.querySelectorAll('.reveal .slides > .pdf-page')];
  pages.forEach((page, pageIndex) => {
    const pageBox = page.getBoundingClientRect();
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const section = element.closest('section[data-podium-file]');
      if (!section || element.closest('aside.notes, script, style, svg, .slide-number')) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible') continue;
      let opacity = 1;
      for (let up = element; up && up !== page; up = up.parentElement) opacity *= Number(getComputedStyle(up).opacity);
      if (opacity < 0.05) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()]
        .filter((box) => box.width >= 1 && box.height >= 1)
        .map((box) => [box.left - pageBox.left, box.top - pageBox.top, box.width, box.height]);
      if (rects.length === 0) continue;
      runs.push({
        page: pageIndex, file: section.dataset.podiumFile, line: Number(section.dataset.podiumLine), text: text.slice(0, 80),
        color: style.color, opacity, fontSize: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) || 400, rects,
      });
    }
  });
  return runs;
})()`;

/**
 * Leaves the slides as they are but for their text: what is behind it (colours, gradients,
 * pictures, backgrounds) stays, to be photographed. Transitions off, so the change is at once.
 */
const HIDE_TEXT_SCRIPT = `(async () => {
  const style = document.createElement('style');
  style.textContent = '.reveal .slides *, .reveal .slides *::marker, .reveal .slides *::before, .reveal .slides *::after {' +
    ' color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important;' +
    ' text-decoration-color: transparent !important; -webkit-text-stroke: 0 !important; transition: none !important; }';
  document.head.append(style);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return [...document.querySelectorAll('.reveal .slides > .pdf-page')].map((page) => {
    const box = page.getBoundingClientRect();
    return [box.left + scrollX, box.top + scrollY, box.width, box.height];
  });
})()`;

/** Pictures of the backgrounds are taken at half size: enough to see what lies behind a letter. */
const SAMPLE_SCALE = 0.5;

/**
 * In the page, which decodes PNGs itself: for each run, the contrast (WCAG 2's relative-luminance
 * ratio) of its colour with the pixels behind it that 90 % of them reach, so a thin line of a
 * drawing does not fail a title, but a title half over a light patch does.
 */
function sampleScript(png: Uint8Array, runs: TextRun[]): string {
  return `(async () => {
  const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(png).toString('base64'))}), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const swatch = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  const rgba = (css) => { swatch.clearRect(0, 0, 1, 1); swatch.fillStyle = css; swatch.fillRect(0, 0, 1, 1); return swatch.getImageData(0, 0, 1, 1).data; };
  const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (r, g, b) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const scale = ${SAMPLE_SCALE};
  return ${JSON.stringify(runs)}.map((run) => {
    const [r, g, b, a] = rgba(run.color);
    const alpha = (a / 255) * run.opacity;
    const ratios = [];
    for (const [x, y, width, height] of run.rects) {
      const left = Math.max(0, Math.floor(x * scale)), top = Math.max(0, Math.floor(y * scale));
      const right = Math.min(bitmap.width, Math.ceil((x + width) * scale)), bottom = Math.min(bitmap.height, Math.ceil((y + height) * scale));
      const step = Math.max(1, Math.floor(Math.sqrt(((right - left) * (bottom - top)) / 2000)));
      for (let py = top; py < bottom; py += step) {
        for (let px = left; px < right; px += step) {
          const i = (py * bitmap.width + px) * 4;
          const [br, bg, bb] = [pixels[i], pixels[i + 1], pixels[i + 2]];
          const text = luminance(r * alpha + br * (1 - alpha), g * alpha + bg * (1 - alpha), b * alpha + bb * (1 - alpha));
          const back = luminance(br, bg, bb);
          ratios.push((Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05));
        }
      }
    }
    ratios.sort((p, q) => p - q);
    return ratios.length ? ratios[Math.floor(ratios.length * 0.1)] : 21;
  });
})()`;
}

export interface HallMeasurement {
  runs: TextRun[];
  /** For each run, its contrast with what is behind it. */
  contrasts: number[];
}

/**
 * Runs on the laid-out print page (each slide on its own page, at the deck's size, as in the
 * PDF): reads the text, then hides it and photographs each page to read what is really behind it.
 * Leaves the page without its text: the last measurement made on it.
 */
export async function measureHallLayout(target: PrintTarget): Promise<HallMeasurement> {
  const runs = await target.evaluate<TextRun[]>(TEXT_RUNS_SCRIPT);
  const pages = await target.evaluate<[number, number, number, number][]>(HIDE_TEXT_SCRIPT);
  const contrasts: number[] = new Array<number>(runs.length).fill(21);
  for (const [index, [x, y, width, height]] of pages.entries()) {
    const onPage = runs.flatMap((run, at) => (run.page === index ? [at] : []));
    if (onPage.length === 0) continue;
    const png = await target.screenshot({ x, y, width, height, scale: SAMPLE_SCALE });
    const measured = await target.evaluate<number[]>(sampleScript(png, onPage.map((at) => runs[at] as TextRun)));
    onPage.forEach((at, k) => (contrasts[at] = measured[k] ?? 21));
  }
  return { runs, contrasts };
}

/** WCAG 2.2 AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold, at the size it is shown). */
function requiredContrast(px1080: number, weight: number): number {
  return px1080 >= 24 || (px1080 >= 18.66 && weight >= 700) ? 3 : 4.5;
}

/** Low contrast and small text, once per slide line and text, at the line in the slide that holds the text. */
export function hallLayoutProblems(deck: Deck, { runs, contrasts }: HallMeasurement): Problem[] {
  const problems = new Map<string, Problem>();
  const toScreen = 1080 / deck.settings.height;
  runs.forEach((run, index) => {
    const line = lineOfText(deck, run);
    const px = run.fontSize * toScreen;
    const quoted = `"${run.text.length > 40 ? `${run.text.slice(0, 40)}…` : run.text}"`;
    const required = requiredContrast(px, run.fontWeight);
    const contrast = contrasts[index] ?? 21;
    if (contrast < required) {
      problems.set(`low-contrast ${run.file}:${line}:${run.text}`, createProblem(
        'low-contrast',
        run.file,
        line,
        `${quoted} has a contrast of ${contrast.toFixed(2)}:1 with what is behind it; WCAG AA asks for ${required}:1: darken or lighten the text or its background`,
      ));
    }
    if (px < deck.settings.minFontSize - 0.01) {
      problems.set(`small-text ${run.file}:${line}:${run.text}`, createProblem(
        'small-text',
        run.file,
        line,
        `${quoted} is ${px.toFixed(1)} px high at 1080p, below the ${deck.settings.minFontSize} px the back of a hall can read (deck.yaml minFontSize)`,
      ));
    }
  });
  return [...problems.values()];
}

/** The line of the slide's Markdown that holds the run's text; the slide's first line if none does. */
function lineOfText(deck: Deck, run: TextRun): number {
  const slide = deck.slides.find((candidate) => candidate.line === run.line && deck.segments[candidate.segment]?.file === run.file);
  if (!slide) return run.line;
  const needle = run.text.slice(0, 24);
  const index = slide.markdown.split('\n').findIndex((line) => line.includes(needle));
  return index === -1 ? run.line : slide.line + index;
}
