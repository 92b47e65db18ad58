import { basename, resolve } from 'node:path';
import { exportPdf } from '../../node/export/export-pdf';
import { RENDERER_DIR } from '../paths';

export interface ExportOptions {
  pdf?: string;
  browser?: string;
  timeout: number;
}

/** `podium export`: writes the deck as a PDF, one page per slide, and prints the file's path. */
export async function exportCommand(deckPath: string, options: ExportOptions): Promise<void> {
  const output = resolve(options.pdf ?? `${basename(resolve(deckPath)).replace(/\.md$/i, '')}.pdf`);
  const result = await exportPdf({
    deckPath,
    output,
    rendererDir: RENDERER_DIR,
    browserPath: options.browser,
    timeoutMs: options.timeout * 1000,
  });
  console.log(`podium: wrote ${result.slides} slides to ${result.output} (${Math.round(result.bytes / 1024)} KiB)`);
}
