import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../../shared/deck/model';
import type { PptxBox, PptxDecoration, PptxParagraph, PptxPicture, PptxShape, PptxTable, PptxTextBlock } from '../../shared/export/pptx-layout';
import { deckDateOf, pdfMetadataOf } from './pdf-metadata';
import type { PptxCapture } from './pptx-capture';
import type { Viewport } from './print-target';

/** CSS pixels per inch, the unit PowerPoint places shapes in; points are 72 to the inch. */
const PX_PER_INCH = 96;
const PT_PER_PX = 0.75;
/**
 * PowerPoint and LibreOffice measure text with their own font metrics, a few percent off
 * Chromium's, and the theme's fonts are not embedded: a box exactly as wide as Chromium's line
 * would wrap its last word. Boxes grow by this much, on the side their alignment allows.
 */
const WIDTH_SLACK = 0.06;

type TextRun = PptxGenJS.TextProps;

export interface PptxWarning {
  file: string;
  line: number;
  message: string;
}

export interface BuiltPptx {
  data: Uint8Array;
  warnings: PptxWarning[];
}

/**
 * The PowerPoint file: one slide per print page at the deck's size, in deck order, each
 * segment a section; text, lists and tables as editable shapes in the look Chromium computed,
 * pictures of what no shape can express, the speaker notes in each slide's notes, and the
 * deck's title, author and subject in the document's properties.
 */
export async function buildPptx(deck: Deck, capture: PptxCapture, viewport: Viewport): Promise<BuiltPptx> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'PODIUM', width: viewport.width / PX_PER_INCH, height: viewport.height / PX_PER_INCH });
  pptx.layout = 'PODIUM';
  const metadata = pdfMetadataOf(deck);
  pptx.title = metadata.title;
  if (metadata.author) pptx.author = metadata.author;
  if (metadata.subject) pptx.subject = metadata.subject;
  pptx.company = 'Podium';

  const slideAt = new Map(deck.slides.map((slide) => [`${deck.segments[slide.segment]?.file}:${slide.line}`, slide]));
  const sections = new Set<string>();
  const warnings: PptxWarning[] = [];
  capture.pages.forEach((page, index) => {
    const slide = slideAt.get(`${page.file}:${page.line}`);
    const segment = slide ? deck.segments[slide.segment] : undefined;
    const sectionTitle = segment ? (segment.title ?? segment.file) : 'Slides';
    if (!sections.has(sectionTitle)) {
      sections.add(sectionTitle);
      pptx.addSection({ title: sectionTitle });
    }
    const out = pptx.addSlide({ sectionTitle });
    const slideImage = capture.slideImages[index];
    if (slideImage) {
      out.addImage({ data: imageData(slideImage), x: 0, y: 0, w: inches(viewport.width), h: inches(viewport.height), altText: slide?.title ?? '' });
    } else {
      const background = capture.backgrounds[index];
      out.background = background ? { data: imageData(background) } : { color: bare(page.backgroundColor) };
      for (const decoration of page.decorations) addDecoration(out, decoration);
      const pictures = capture.pictures[index] ?? [];
      let picture = 0;
      for (const shape of page.shapes) {
        if (shape.kind === 'text') shape.box = widened(shape.box, shape.paragraphs[0]?.align ?? 'left', viewport.width);
        if (shape.kind === 'picture') {
          const png = pictures[picture++];
          if (png) addPicture(out, shape, png);
          if (shape.reason && shape.reason !== 'math' && shape.reason !== 'an SVG drawing') {
            // The deck's slide number, as `--range` counts: with --range or --fragments, pages are not slides.
            const number = slide ? deck.slides.indexOf(slide) + 1 : index + 1;
            const message = `slide ${number}: ${shape.reason} becomes a picture of itself in the PPTX`;
            if (!warnings.some((warning) => warning.message === message)) warnings.push({ file: page.file, line: page.line, message });
          }
        } else {
          addShape(out, shape);
        }
      }
    }
    if (slide?.notes) out.addNotes(slide.notes);
  });
  const written = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return { data: await finished(written, deckDateOf(deck) ?? metadata.creationDate), warnings };
}

/**
 * What pptxgenjs cannot be told. It writes an `<a:pPr>` in front of every run, also in the middle
 * of a paragraph, where the schema allows it only as a paragraph's first child: PowerPoint then
 * offers to "repair" the file, so only the first one of each paragraph is kept. And it dates the
 * document now: the deck's `date` (or the export's time) becomes its creation date, as in the PDF.
 */
async function finished(pptx: Uint8Array, created: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  for (const name of slides) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(MID_PARAGRAPH_PROPERTIES, '$1'));
  }
  const core = await zip.file(CORE_PROPERTIES)?.async('string');
  if (core !== undefined) {
    const w3cdtf = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    zip.file(CORE_PROPERTIES, core.replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${w3cdtf}$2`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const CORE_PROPERTIES = 'docProps/core.xml';

/** An `<a:pPr>` (empty or with children) right after a run or a line break, inside a paragraph. */
const MID_PARAGRAPH_PROPERTIES = /(<\/a:r>|<a:br\/>)<a:pPr\b(?:[^>]*\/>|[^>]*>.*?<\/a:pPr>)/g;

/** A box CSS paints behind the text, as a rectangle (rounded, or an ellipse for a circle). */
function addDecoration(slide: PptxGenJS.Slide, { box, fill, line, radius }: PptxDecoration): void {
  const square = Math.abs(box.width - box.height) < 1;
  const circle = square && radius >= box.width / 2 - 0.5;
  const shape = circle ? 'ellipse' : radius > 0 ? 'roundRect' : 'rect';
  slide.addShape(shape, {
    ...placed(box),
    fill: fill ? { color: bare(fill.color), transparency: transparency(fill.alpha) } : { type: 'none' },
    line: line ? { color: bare(line.color), width: line.width * PT_PER_PX, transparency: transparency(line.alpha) } : { type: 'none' },
    ...(shape === 'roundRect' && { rectRadius: inches(radius) }),
  });
}

function transparency(alpha: number): number {
  return Math.round((1 - alpha) * 100);
}

function addShape(slide: PptxGenJS.Slide, shape: Exclude<PptxShape, PptxPicture>): void {
  if (shape.kind === 'table') return addTable(slide, shape);
  addTextBlock(slide, shape);
}

function addTextBlock(slide: PptxGenJS.Slide, block: PptxTextBlock): void {
  const runs = block.paragraphs.flatMap((paragraph, index) => paragraphRuns(paragraph, index === block.paragraphs.length - 1));
  if (runs.length === 0) return;
  slide.addText(runs, {
    ...placed(block.box),
    margin: 0,
    valign: 'top',
    // The theme's fonts are not embedded: where a reader substitutes a wider one, the text
    // shrinks to its box rather than running into the next.
    fit: 'shrink',
    // Left-aligned lines Chromium kept on one line stay one: in a wider substitute font they run
    // on past the box rather than break (LibreOffice breaks inside a word that does not fit), and
    // a list's lines stay beside the markers the theme draws in the background.
    // Centred text keeps wrapping, and shrinking, inside its box: unwrapped, LibreOffice would
    // start it at the box's left edge.
    wrap: !oneLine(block),
  });
}

/** Every paragraph of the block is one line in Chromium (a title, a list of short items), left-aligned. */
function oneLine({ paragraphs, box }: PptxTextBlock): boolean {
  let height = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.align !== 'left' || !paragraph.lineHeight || paragraph.runs.some((run) => run.breakAfter || run.wrapBefore)) return false;
    height += paragraph.lineHeight + paragraph.spaceAfter;
  }
  const line = paragraphs[0]?.lineHeight ?? 0;
  return line > 0 && box.height < height + line / 2;
}

function addTable(slide: PptxGenJS.Slide, table: PptxTable): void {
  const rows: PptxGenJS.TableRow[] = table.rows.map((row) =>
    row.map((cell) => ({
      text: cell.paragraphs.flatMap((paragraph, index) => paragraphRuns(paragraph, index === cell.paragraphs.length - 1)),
      options: { bold: cell.header || undefined, ...(cell.fill && { fill: { color: bare(cell.fill) } }), valign: 'middle' as const },
    })),
  );
  const widths = (table.rows[0] ?? []).map((cell) => inches(cell.width));
  slide.addTable(rows, {
    ...placed(table.box),
    ...(widths.length > 0 && { colW: widths }),
    margin: 4 * PT_PER_PX,
    border: { type: 'solid', pt: 0.75, color: bare(table.border ?? '#888888') },
  });
}

function addPicture(slide: PptxGenJS.Slide, picture: PptxPicture, png: Uint8Array): void {
  slide.addImage({ data: imageData(png), ...placed(picture.box), altText: picture.alt });
}

/** A paragraph's runs; a run with `breakAfter` ends a PowerPoint paragraph, its properties repeated. */
function paragraphRuns(paragraph: PptxParagraph, last: boolean): TextRun[] {
  const shared: PptxGenJS.TextPropsOptions = {
    align: paragraph.align,
    paraSpaceAfter: paragraph.spaceAfter * PT_PER_PX,
    ...(paragraph.lineHeight && { lineSpacing: paragraph.lineHeight * PT_PER_PX }),
    ...(paragraph.bullet && {
      bullet: paragraph.bullet.numbered ? { type: 'number' as const } : true,
      indentLevel: paragraph.bullet.level,
    }),
  };
  const runs = paragraph.runs.length > 0 ? paragraph.runs : [{ text: '', color: '#000000', fontFace: 'Arial', fontSize: 16, bold: false, italic: false, underline: false, code: false }];
  return runs.map((run, index) => ({
    text: run.text,
    options: {
      // pptxgenjs writes a run's paragraph properties in front of it: only a paragraph's first run has them.
      ...((index === 0 || runs[index - 1]?.breakAfter) && shared),
      color: bare(run.color),
      fontFace: run.fontFace,
      fontSize: Math.round(run.fontSize * PT_PER_PX * 10) / 10,
      bold: run.bold,
      italic: run.italic,
      // A link is underlined only where CSS underlines it: PowerPoint and LibreOffice underline links by default.
      ...(run.underline ? { underline: { style: 'sng' as const } } : run.href ? { underline: { style: 'none' as const } } : {}),
      ...(run.href && { hyperlink: { url: run.href } }),
      breakLine: run.breakAfter === true || (index === runs.length - 1 && !last),
      ...(run.wrapBefore && { softBreakBefore: true }),
    },
  }));
}

/** The box with WIDTH_SLACK added on the sides its alignment allows, never past the slide's edges. */
function widened(box: PptxBox, align: PptxParagraph['align'], slideWidth: number): PptxBox {
  const extra = box.width * WIDTH_SLACK;
  const left = align === 'center' ? extra / 2 : align === 'right' ? extra : 0;
  const x = Math.max(0, box.x - left);
  const right = Math.min(slideWidth, box.x + box.width + (extra - left));
  return { ...box, x, width: right - x };
}

function placed(box: PptxBox): { x: number; y: number; w: number; h: number } {
  return { x: inches(box.x), y: inches(box.y), w: inches(Math.max(1, box.width)), h: inches(Math.max(1, box.height)) };
}

function inches(px: number): number {
  return px / PX_PER_INCH;
}

function bare(hex: string): string {
  return hex.replace(/^#/, '').toUpperCase();
}

/** A picture as pptxgenjs takes it: JPEG or PNG, told apart by their first bytes. */
function imageData(image: Uint8Array): string {
  const type = image[0] === 0xff && image[1] === 0xd8 ? 'image/jpeg' : 'image/png';
  return `${type};base64,${Buffer.from(image).toString('base64')}`;
}
