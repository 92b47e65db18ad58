import { basename, resolve } from 'node:path';
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  type HandoutSlidesPerPage,
  type NotesMode,
  type PaperSize,
  type SlideSize,
} from '../../shared/export/export-options';
import { messageOf, PodiumError } from '../../shared/errors';
import { parseSlideSize } from '../../shared/deck/slide-size';
import { exportPdf } from '../../node/export/export-pdf';
import { printsUntagged } from '../../node/export/print-in-parts';
import { RENDERER_DIR, STATIC_DIR } from '../paths';
import { terminalProgress } from './export-progress';
import { exportTiming } from './export-timing';

/** The `export` command's options as commander parses them (declared once, in podium.ts). */
export interface ExportCommandOptions {
  pdf?: string;
  png?: string;
  pngWidth?: number;
  html?: string;
  pptx?: string;
  pptxImages?: boolean;
  browser?: string;
  /** Seconds. */
  timeout: number;
  /** `16:9`, `4:3` or `WIDTHxHEIGHT`, as in deck.yaml. */
  size?: string;
  range?: string;
  fragments?: boolean;
  notes?: NotesMode;
  /** One of '1', '2', '3', '6': commander has checked. */
  perPage?: string;
  paper?: PaperSize;
  /** `--no-outline` sets this false. */
  outline: boolean;
  /** `--no-tags` sets this false. */
  tags: boolean;
  allowMissing?: boolean;
  maxImageDpi?: number;
  drawings?: boolean;
  watch?: boolean;
}

/** `podium export`: writes the deck as a PDF (and/or PNGs) and prints where. */
export async function exportCommand(deckPath: string, options: ExportCommandOptions): Promise<void> {
  if (options.html !== undefined) {
    await exportHtmlCommand(deckPath, options);
    if (options.pdf === undefined && options.png === undefined) return;
  }
  if (options.pptxImages && options.pptx === undefined) throw new PodiumError('usage', '--pptx-images: give the file to write with --pptx FILE');
  if (options.pptx !== undefined) {
    const pdfOnly = (['notes', 'paper', 'maxImageDpi'] as const).filter((name) => options[name] !== undefined);
    if (options.pdf === undefined && options.png === undefined && pdfOnly.length > 0) {
      const flags = pdfOnly.map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`).join(', ');
      throw new PodiumError('usage', `${flags}: for --pdf; a PPTX has each slide's notes in its notes, and its own pictures`);
    }
    await exportPptxCommand(deckPath, options);
    if (options.pdf === undefined && options.png === undefined) return;
  }
  if (options.png !== undefined) {
    await exportPngCommand(deckPath, options);
    if (options.pdf === undefined) return;
  }
  const output = resolve(options.pdf ?? `${basename(resolve(deckPath)).replace(/\.md$/i, '')}.pdf`);
  if (options.watch) return watchCommand(deckPath, output, options);
  const progress = terminalProgress(process.stderr);
  const timing = exportTiming(process.env.PODIUM_EXPORT_TIMING === '1');
  timing.mark('start');
  try {
    const result = await exportPdf({
      deckPath,
      output,
      rendererDir: RENDERER_DIR,
      browserPath: options.browser,
      options: exportOptionsFrom(options),
      onProgress: (update) => {
        timing.mark(update.phase);
        progress.update(update);
      },
    });
    timing.mark('written');
    progress.done();
    const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
    const pages = result.pages === result.slides ? '' : ` on ${plural(result.pages, 'page')}`;
    console.log(`podium: wrote ${plural(result.slides, 'slide')}${pages} to ${result.output} (${Math.round(result.bytes / 1024)} KiB)`);
    if (options.tags && printsUntagged(result.pages)) {
      console.log(`podium: the PDF is untagged: a deck of ${result.pages} pages is printed in parts, and joining them drops the tags`);
    }
  } finally {
    progress.done();
  }
}

/** `--watch`: re-exports on every change until Ctrl+C; a failed re-export keeps the last PDF. */
async function watchCommand(deckPath: string, output: string, options: ExportCommandOptions): Promise<void> {
  // Loaded on demand: its watcher and server would delay every single export's browser launch.
  const { watchPdfExport } = await import('../../node/export/export-watch');
  const watched = await watchPdfExport(
    { deckPath, output, rendererDir: RENDERER_DIR, browserPath: options.browser, options: exportOptionsFrom(options) },
    {
      onExported: (result) =>
        console.log(
          `podium: wrote ${result.slides} slides to ${result.output} in ${(result.milliseconds / 1000).toFixed(2)} s` +
            (result.refreshed ? ' (only the changed slides laid out again)' : ''),
        ),
      onFailed: (error) => console.error(`podium: not exported, the last PDF stays: ${messageOf(error)}`),
    },
  );
  console.log(`podium: watching ${resolve(deckPath)}; Ctrl+C stops`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void watched.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `--html DIR`: the whole deck as a static copy; the options that shape printed pages do not apply. */
async function exportHtmlCommand(deckPath: string, options: ExportCommandOptions): Promise<void> {
  if (options.watch) throw new PodiumError('usage', '--watch re-exports a PDF; it does not apply to --html');
  const printOnly = (['size', 'range', 'fragments', 'notes', 'paper', 'pngWidth'] as const).filter((name) => options[name] !== undefined);
  if (printOnly.length > 0 && options.pdf === undefined && options.png === undefined) {
    const flags = printOnly.map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
    throw new PodiumError('usage', `${flags.join(', ')}: for --pdf and --png; --html copies the whole deck as it presents`);
  }
  const outputDir = resolve(options.html as string);
  // Loaded on demand, as are the PNG and watch exports: a PDF export starts its browser sooner.
  const [{ exportHtml }, { formatProblem }] = await Promise.all([import('../../node/export/export-html'), import('../../shared/deck/build-deck')]);
  const result = await exportHtml({ deckPath, outputDir, staticDir: STATIC_DIR, allowMissing: options.allowMissing ?? false });
  for (const warning of result.warnings) console.error(`podium: ${formatProblem(warning)}`);
  console.log(
    `podium: wrote ${result.slides} slide${result.slides === 1 ? '' : 's'} as HTML to ${result.output} ` +
      `(${result.files} files, ${Math.round(result.bytes / 1024)} KiB); open index.html`,
  );
}

async function exportPptxCommand(deckPath: string, options: ExportCommandOptions): Promise<void> {
  if (options.watch) throw new PodiumError('usage', '--watch re-exports a PDF; it does not apply to --pptx');
  const progress = terminalProgress(process.stderr);
  try {
    const { exportPptx } = await import('../../node/export/export-pptx');
    const result = await exportPptx({
      deckPath,
      output: resolve(options.pptx as string),
      imagesOnly: options.pptxImages ?? false,
      rendererDir: RENDERER_DIR,
      browserPath: options.browser,
      options: exportOptionsFrom(options),
      onProgress: progress.update,
    });
    progress.done();
    for (const warning of result.warnings) console.error(`podium: ${warning.file}:${warning.line}: warning: ${warning.message}`);
    console.log(
      `podium: wrote ${result.slides} slide${result.slides === 1 ? '' : 's'} to ${result.output} (${Math.round(result.bytes / 1024)} KiB)` +
        (options.pptxImages ? ', each one picture' : ', text editable'),
    );
  } finally {
    progress.done();
  }
}

async function exportPngCommand(deckPath: string, options: ExportCommandOptions): Promise<void> {
  const progress = terminalProgress(process.stderr);
  try {
    const { exportPng } = await import('../../node/export/export-png');
    const result = await exportPng({
      deckPath,
      outputDir: resolve(options.png as string),
      width: options.pngWidth,
      rendererDir: RENDERER_DIR,
      browserPath: options.browser,
      options: exportOptionsFrom(options),
      onProgress: progress.update,
    });
    progress.done();
    console.log(`podium: wrote ${result.files.length} PNG${result.files.length === 1 ? '' : 's'} to ${resolve(options.png as string)}`);
  } finally {
    progress.done();
  }
}

export function exportOptionsFrom(options: ExportCommandOptions): ExportOptions {
  return {
    size: options.size === undefined ? null : slideSizeFrom(options.size),
    range: options.range ?? null,
    fragments: options.fragments ?? false,
    notes: options.notes ?? 'none',
    perPage: options.perPage ? (Number(options.perPage) as HandoutSlidesPerPage) : DEFAULT_EXPORT_OPTIONS.perPage,
    paper: options.paper ?? defaultPaper(),
    outline: options.outline,
    tags: options.tags,
    allowMissing: options.allowMissing ?? false,
    maxImageDpi: options.maxImageDpi ?? null,
    drawings: options.drawings ?? false,
    timeoutMs: Math.round(options.timeout * 1000),
  };
}

function slideSizeFrom(text: string): SlideSize {
  const parsed = parseSlideSize(text);
  if (!parsed) throw new PodiumError('usage', `--size: unknown size "${text}": use 16:9, 4:3 or WIDTHxHEIGHT`);
  return { width: parsed[0], height: parsed[1] };
}

/** Letter where the locale says so (US, Canada, Mexico, the Philippines…), A4 elsewhere. */
function defaultPaper(): PaperSize {
  const locale = process.env.LC_ALL || process.env.LC_PAPER || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /[_-](US|CA|MX|PH|CL|CO|VE|GT|CR|PR)\b/i.test(locale) ? 'letter' : 'a4';
}
