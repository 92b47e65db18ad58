import { dialog, type BaseWindow, type OpenDialogOptions } from 'electron';

/**
 * What the Open dialog may pick. Only macOS has a dialog that picks a folder or a file; on Windows
 * and Linux asking for both shows a folder picker, so the menu offers the file picker separately.
 */
export type DeckPicker = 'folder-or-file' | 'folder' | 'markdown-file';

export function defaultDeckPicker(platform: NodeJS.Platform): DeckPicker {
  return platform === 'darwin' ? 'folder-or-file' : 'folder';
}

/** Asks for a deck folder or `.md` file; `null` when the person cancels. */
export async function chooseDeckPath(parent: BaseWindow | undefined, picker: DeckPicker): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: picker === 'markdown-file' ? 'Open Markdown File' : 'Open Deck',
    buttonLabel: 'Open',
    properties: PROPERTIES[picker],
    filters: picker === 'folder' ? [] : [{ name: 'Markdown', extensions: ['md'] }],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const PROPERTIES: Record<DeckPicker, OpenDialogOptions['properties']> = {
  'folder-or-file': ['openDirectory', 'openFile'],
  folder: ['openDirectory'],
  'markdown-file': ['openFile'],
};
