import type { IncomingMessage } from 'node:http';
import type { Deck } from '../../shared/deck/model';
import { EXPORT_WARNINGS_HEADER, exportOptionsFromChoices, parseExportChoices, parsePptxExportChoices } from '../../shared/export/export-api';
import { HTTP_ROUTES } from '../../shared/api';
import { fileNameFor } from '../../shared/export/pdf-file-name';
import { errorReportOf, type ErrorReport } from '../../shared/error-report';
import { PodiumError } from '../../shared/errors';
import { printPdf } from '../export/export-pdf';
import { pptxOf } from '../export/export-pptx';
import type { PrintHost } from '../export/print-server';
import { errorBody } from './error-body';
import { readBody } from './read-body';
import { writeRefusal, type ServeRole } from './write-guard';

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
 * Serve mode's side of `ExportApi.exportPdf` and `exportPptx`: `POST /api/export/pdf` with the
 * ExportChoices as JSON, or `/api/export/pptx` with PptxExportChoices. Only the presenter may export
 * (it starts a browser and writes a file), only from a page of this server. The deck is read from
 * disk as `podium export` reads it, exported from a print page of this same server (`printHost`),
 * and comes back as a download named after the deck, a PPTX's warnings in a header beside it. One
 * export at a time: each one runs a whole Chromium.
 */
export class ExportRoute {
  private running = false;

  constructor(
    private readonly deckPath: string,
    private readonly printHost: PrintHost,
  ) {}

  handles(pathname: string): boolean {
    return pathname === HTTP_ROUTES.exportPdf || pathname === HTTP_ROUTES.exportPptx;
  }

  async handle(request: IncomingMessage, pathname: string, role: ServeRole, deck: Deck): Promise<ExportReply> {
    if (request.method !== 'POST') return error(405, 'exports are POSTed');
    const refusal = writeRefusal(request, role, 'export the deck');
    if (refusal) return error(403, refusal);
    const body = await readBody(request, MAX_CHOICES_BYTES);
    if (body === null) return error(413, 'too large for export options');
    const pptx = pathname === HTTP_ROUTES.exportPptx;
    let parsed: ReturnType<typeof parsePptxExportChoices>;
    try {
      const value: unknown = JSON.parse(body);
      parsed = pptx ? parsePptxExportChoices(value) : mapChoices(parseExportChoices(value));
    } catch {
      parsed = 'expected the export options as JSON';
    }
    if (typeof parsed === 'string') return error(400, parsed);
    if (this.running) return error(409, 'an export is already running; wait for it to finish');
    this.running = true;
    try {
      const options = exportOptionsFromChoices(parsed.choices);
      if (pptx) {
        const { data, warnings } = await pptxOf({ deckPath: this.deckPath, printHost: this.printHost, options, imagesOnly: parsed.pictures });
        const sentences = warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`);
        return {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
            'Content-Disposition': attachment(`${fileNameFor(deck.title)}.pptx`),
            ...(sentences.length > 0 && { [EXPORT_WARNINGS_HEADER]: encodeURIComponent(JSON.stringify(sentences)) }),
          },
          body: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        };
      }
      const { pdf } = await printPdf({ deckPath: this.deckPath, printHost: this.printHost, options });
      return {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`${fileNameFor(deck.title)}.pdf`) },
        body: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      };
    } catch (failure) {
      // A refused deck or range is the person's to fix (400); anything else failed here (500).
      const fixable = failure instanceof PodiumError && (failure.kind === 'deck' || failure.kind === 'usage');
      return error(fixable ? 400 : 500, errorReportOf(failure));
    } finally {
      this.running = false;
    }
  }
}

/** A PDF's choices in the shape of a PPTX's request, so that both go one way from here. */
function mapChoices(choices: ReturnType<typeof parseExportChoices>): ReturnType<typeof parsePptxExportChoices> {
  return typeof choices === 'string' ? choices : { choices, pictures: false };
}

/** RFC 6266: an ASCII fallback for old clients, the real name in UTF-8 for the rest. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
