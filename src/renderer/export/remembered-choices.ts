import { DEFAULT_EXPORT_CHOICES, parseExportChoices, type ExportChoices } from '../../shared/export/export-api';

const STORAGE_KEY = 'podium:export-choices';

/** The Export dialog's last choices, or the defaults; anything stored that no longer parses is ignored. */
export function loadRememberedChoices(): ExportChoices {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    const parsed = stored === null ? null : parseExportChoices(JSON.parse(stored));
    return parsed !== null && typeof parsed !== 'string' ? parsed : DEFAULT_EXPORT_CHOICES;
  } catch {
    // Storage turned off, or a value from an older version that is not JSON.
    return DEFAULT_EXPORT_CHOICES;
  }
}

export function rememberChoices(choices: ExportChoices): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // Storage full or turned off: the dialog still works, it just forgets.
  }
}

/** What the Export dialog writes: a PDF, or PowerPoint with editable text or one picture per slide. */
export type ExportFileFormat = 'pdf' | 'pptx' | 'pptx-images';

const FORMAT_KEY = 'podium:export-format';
const FORMATS: readonly string[] = ['pdf', 'pptx', 'pptx-images'];

/** The format of the dialog's last export; a PDF the first time. */
export function loadRememberedFormat(): ExportFileFormat {
  try {
    const stored = localStorage.getItem(FORMAT_KEY);
    return stored !== null && FORMATS.includes(stored) ? (stored as ExportFileFormat) : 'pdf';
  } catch {
    return 'pdf';
  }
}

export function rememberFormat(format: ExportFileFormat): void {
  try {
    localStorage.setItem(FORMAT_KEY, format);
  } catch {
    // As for the choices: the dialog forgets.
  }
}
