import type { ExportProgress } from '../../node/export/export-pdf';

const PHASE_WORDS: Record<ExportProgress['phase'], string> = {
  checking: 'checking',
  rendering: 'laying out',
  printing: 'printing',
  finishing: 'adding bookmarks and metadata to',
};

export interface TerminalProgress {
  update(progress: ExportProgress): void;
  /** Clears the line; safe to call twice. */
  done(): void;
}

/**
 * One line on stderr that rewrites itself, only on a terminal: piped or captured output (CI,
 * tests, scripts) stays clean. Chromium prints a deck in one call, so the line names the step and
 * the elapsed time rather than pretending to a per-page percentage.
 */
export function terminalProgress(stream: NodeJS.WriteStream): TerminalProgress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    update(progress) {
      const what = progress.pages !== undefined && progress.pages !== progress.slides
        ? `${progress.slides} slides (${progress.pages} pages)`
        : `${progress.slides} slides`;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[2Kpodium: ${PHASE_WORDS[progress.phase]} ${what}… ${seconds} s`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
