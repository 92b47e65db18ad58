import type { IncomingMessage } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deck } from '../../shared/deck/model';
import { exportOptionsFromChoices, parseExportChoices } from '../../shared/export/export-api';
import type { ExportOptions } from '../../shared/export/export-options';
import { fileNameFor } from '../../shared/export/pdf-file-name';
import { errorReportOf, type ErrorReport } from '../../shared/error-report';
import { PodiumError } from '../../shared/errors';
import { errorBody } from './error-body';
import { readBody } from './read-body';
import { writeRefusal, type ServeRole } from './write-guard';

/**
 * Writes the served deck as a PDF at `output` with these options. Injected by whoever starts the
 * server (`podium serve`): the exporter itself serves the deck to headless Chromium, so the server
 * cannot import it without a cycle.
 */
export type PdfExporter = (options: ExportOptions, output: string) => Promise<unknown>;

export interface ExportReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** The choices are a few short fields. */
const MAX_CHOICES_BYTES = 8 * 1024;

const error = (status: number, failure: ErrorReport | string): ExportReply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: errorBody(failure),
});

/**
 * Serve mode's side of `ExportApi.exportPdf`: `POST /api/export/pdf` with the ExportChoices as
 * JSON. Only the presenter may export (it starts a browser and writes a file), only from a page of
 * this server. The PDF goes to a temporary folder, comes back as a download named after the deck,
 * and the folder is removed. One export at a time: each one runs a whole Chromium.
 */
export class ExportRoute {
  private running = false;

  constructor(private readonly exporter: PdfExporter | undefined) {}

  async handle(request: IncomingMessage, role: ServeRole, deck: Deck): Promise<ExportReply> {
    if (request.method !== 'POST') return error(405, 'exports are POSTed');
    const refusal = writeRefusal(request, role, 'export the deck');
    if (refusal) return error(403, refusal);
    if (!this.exporter) return error(501, 'this server cannot export; run `podium export`');
    const body = await readBody(request, MAX_CHOICES_BYTES);
    if (body === null) return error(413, 'too large for export options');
    let choices: ReturnType<typeof parseExportChoices>;
    try {
      choices = parseExportChoices(JSON.parse(body));
    } catch {
      choices = 'expected the export options as JSON';
    }
    if (typeof choices === 'string') return error(400, choices);
    if (this.running) return error(409, 'an export is already running; wait for it to finish');
    this.running = true;
    const folder = await mkdtemp(join(tmpdir(), 'podium-serve-export-'));
    try {
      const output = join(folder, 'deck.pdf');
      await this.exporter(exportOptionsFromChoices(choices), output);
      const pdf = await readFile(output);
      return {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`${fileNameFor(deck.title)}.pdf`) },
        body: pdf,
      };
    } catch (failure) {
      // A refused deck or range is the person's to fix (400); anything else failed here (500).
      const fixable = failure instanceof PodiumError && (failure.kind === 'deck' || failure.kind === 'usage');
      return error(fixable ? 400 : 500, errorReportOf(failure));
    } finally {
      this.running = false;
      await rm(folder, { recursive: true, force: true });
    }
  }
}

/** RFC 6266: an ASCII fallback for old clients, the real name in UTF-8 for the rest. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
