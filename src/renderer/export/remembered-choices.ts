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
