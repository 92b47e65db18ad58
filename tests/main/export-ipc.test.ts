import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { DEFAULT_EXPORT_CHOICES, type ExportChoices } from '../../src/shared/export/export-api';
import { loadDeck, type LoadedDeck } from '../../src/node/deck/load-deck';
import { registerExportIpc, requestExportDialog } from '../../src/main/export-ipc';
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './fake-electron';
import { printPageWillShow, printRendererWillCrash } from './print-window';
import { readOutline } from '../node/export/read-pdf';

vi.mock('electron', () => import('./fake-electron'));

const APP_PAGE = 'podium://app/index.html?view=edit';

let base = '';
let loaded: LoadedDeck | null = null;
let appWindow: BrowserWindow;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'podium-export-ipc-'));
  const root = join(base, 'talk');
  await mkdir(root);
  await writeFile(join(root, '01-talk.md'), '# Opening\n\nNote: hello\n\n---\n\n# Middle\n\nNote: slower\n\n---\n\n# Closing\n');
  loaded = await loadDeck(root);
  appWindow = new BrowserWindow({});
  appWindow.webContents.url = APP_PAGE;
  registerExportIpc(() => loaded);
});
afterEach(() => rm(base, { recursive: true, force: true }));

const choices = (changes: Partial<ExportChoices> = {}): ExportChoices => ({ ...DEFAULT_EXPORT_CHOICES, ...changes });

/** `ExportApi.exportPdf` as the preload sends it, from the app window's page (or the frame given). */
function exportPdf(frameUrl: string, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_CHANNELS.exportPdf);
  if (!handler) throw new Error('nothing handles the exportPdf channel');
  return Promise.resolve().then(() => {
    appWindow.webContents.url = frameUrl;
    return handler({ senderFrame: appWindow.webContents.mainFrame, sender: appWindow.webContents }, ...args);
  });
}

/** `ExportApi.exportPptx` as the preload sends it, from the app window's page. */
function exportPptx(...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_CHANNELS.exportPptx);
  if (!handler) throw new Error('nothing handles the exportPptx channel');
  return Promise.resolve().then(() => handler({ senderFrame: appWindow.webContents.mainFrame, sender: appWindow.webContents }, ...args));
}

function saveDialogAnswers(filePath: string): void {
  dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath });
}

describe('registerExportIpc', () => {
  it("prints with the page's choices and answers where the PDF went and its size", async () => {
    const target = join(base, 'out.pdf');
    saveDialogAnswers(target);
    printPageWillShow(['01-talk.md:1', '01-talk.md:1', '01-talk.md:7', '01-talk.md:7']);

    const result = await exportPdf(APP_PAGE, choices({ range: '1-2', notes: 'pages', outline: false }));

    expect(result).toEqual({ path: target, bytes: (await readFile(target)).byteLength });
    const printWindow = BrowserWindow.instances[1];
    const printed = new URL(String(printWindow?.loadURL.mock.calls[0]?.[0]));
    expect(printed.searchParams.get('slides')).toBe('1,2');
    expect(printed.searchParams.get('notes')).toBe('pages');
    expect(await readOutline(await readFile(target))).toEqual([]);
  });

  it('sends the progress to the page that asked and shows it on its window, removing the bar at the end', async () => {
    saveDialogAnswers(join(base, 'out.pdf'));
    printPageWillShow(['01-talk.md:1', '01-talk.md:7', '01-talk.md:13']);

    await exportPdf(APP_PAGE, choices());

    const sent = appWindow.webContents.send.mock.calls.filter(([channel]) => channel === IPC_CHANNELS.exportProgress);
    const fractions = sent.map(([, fraction]) => fraction as number);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(appWindow.setProgressBar.mock.calls.at(-1)).toEqual([-1]);
    // The save dialog is the window's own sheet.
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(appWindow);
  });

  it('answers null, and prints nothing, when the save dialog is cancelled', async () => {
    expect(await exportPdf(APP_PAGE, choices())).toBeNull();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('refuses a sender that is not the app page, before any dialog', async () => {
    await expect(exportPdf('https://evil.example/', choices())).rejects.toThrow(/not the app's page/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses options of the wrong shape, saying which, before any dialog', async () => {
    await expect(exportPdf(APP_PAGE, choices({ perPage: 4 as never }))).rejects.toThrow(
      'not valid export options: perPage: expected 1, 2, 3 or 6',
    );
    await expect(exportPdf(APP_PAGE, { ...choices(), output: '/etc/passwd' })).rejects.toThrow(/expected exactly these export options/);
    await expect(exportPdf(APP_PAGE, choices(), 'extra')).rejects.toThrow(/expected one argument/);
    await expect(exportPdf(APP_PAGE)).rejects.toThrow(/expected one argument/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects with the deck’s errors, naming file and line, before asking where to save', async () => {
    await writeFile(join(base, 'talk', '02-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
    loaded = await loadDeck(join(base, 'talk'));
    await expect(exportPdf(APP_PAGE, choices())).rejects.toThrow(/02-broken\.md:1: error:/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects a range past the last slide with the range’s own sentence, before asking where to save', async () => {
    await expect(exportPdf(APP_PAGE, choices({ range: '2-9' }))).rejects.toThrow(
      '--range: "2-9" goes past the last slide (the deck has 3)',
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(base)).toEqual(['talk']);
  });

  it('runs one export at a time', async () => {
    let answer: (value: { canceled: boolean; filePath: string }) => void = () => undefined;
    dialog.showSaveDialog.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = exportPdf(APP_PAGE, choices());
    await vi.waitFor(() => expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1));
    await expect(exportPdf(APP_PAGE, choices())).rejects.toThrow(/an export is already running/);
    answer({ canceled: true, filePath: '' });
    expect(await first).toBeNull();
    // Once it is over, the next one may start.
    expect(await exportPdf(APP_PAGE, choices())).toBeNull();
  });

  it('gives up when the print renderer crashes, destroys its window, writes nothing and frees the lock', async () => {
    const target = join(base, 'out.pdf');
    saveDialogAnswers(target);
    printRendererWillCrash();

    await expect(exportPdf(APP_PAGE, choices())).rejects.toThrow(
      "out.pdf: the print view's renderer crashed (exit code 139); nothing written",
    );
    expect(BrowserWindow.instances[1]?.isDestroyed()).toBe(true);
    expect(await readdir(base)).toEqual(['talk']);
    expect(appWindow.setProgressBar.mock.calls.at(-1)).toEqual([-1]);

    // The lock is free: the next export prints.
    saveDialogAnswers(target);
    printPageWillShow(['01-talk.md:1', '01-talk.md:7', '01-talk.md:13']);
    expect(await exportPdf(APP_PAGE, choices())).toEqual({ path: target, bytes: (await readFile(target)).byteLength });
  });

  it('rejects while no deck is open', async () => {
    loaded = null;
    await expect(exportPdf(APP_PAGE, choices())).rejects.toThrow('no deck is open');
  });
});

describe('requestExportDialog (File > Export PDF…)', () => {
  it("asks the focused window's page to open its Export dialog", () => {
    requestExportDialog(appWindow as never);
    expect(appWindow.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.exportRequested);
  });

  it('asks nothing of a window showing another page, or of no window', () => {
    appWindow.webContents.url = 'https://example.com/';
    requestExportDialog(appWindow as never);
    requestExportDialog(undefined);
    expect(appWindow.webContents.send).not.toHaveBeenCalled();
  });

  describe('exportPptx', () => {
    it('asks where to save a .pptx named after the deck, and answers null, exporting nothing, when cancelled', async () => {
      expect(await exportPptx({ choices: choices(), pictures: false })).toBeNull();
      const asked = dialog.showSaveDialog.mock.calls[0]?.[1] as { title: string; defaultPath: string; filters: unknown };
      expect(asked.title).toBe('Export PowerPoint');
      expect(asked.defaultPath).toMatch(/\.pptx$/);
      expect(asked.filters).toEqual([{ name: 'PowerPoint', extensions: ['pptx'] }]);
      expect(BrowserWindow.instances).toHaveLength(1);
    });

    it('refuses a request of the wrong shape, saying which, before any dialog', async () => {
      await expect(exportPptx(choices())).rejects.toThrow(/expected exactly these fields: choices, pictures/);
      await expect(exportPptx({ choices: choices(), pictures: 'yes' })).rejects.toThrow(/pictures: expected true or false/);
      await expect(exportPptx({ choices: choices({ perPage: 4 as never }), pictures: false })).rejects.toThrow(/perPage: expected 1, 2, 3 or 6/);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('rejects a deck with errors, naming file and line, before asking where to save', async () => {
      await writeFile(join(base, 'talk', '02-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
      loaded = await loadDeck(join(base, 'talk'));
      await expect(exportPptx({ choices: choices(), pictures: false })).rejects.toThrow(/02-broken\.md:1: error:/);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });
  });
});
