import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDeck, type LoadedDeck } from '../../src/node/deck/load-deck';
import { exportInPrintWindow, exportPdfInteractively, fileNameFor, waitForReadyAttribute } from '../../src/main/export-pdf-dialog';
import { BrowserWindow, dialog, FakeWebContents, resetFakeElectron } from './fake-electron';
import { readOutline } from '../node/export/read-pdf';
import { printPageWillShow, printRendererWillCrash } from './print-window';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_EXPORT_OPTIONS } from '../../src/shared/export/export-options';
import { prepareExport } from '../../src/node/export/prepare-export';
import { MAX_PROBLEMS_LISTED } from '../../src/node/export/refused-deck';

vi.mock('electron', () => import('./fake-electron'));

let base: string;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'podium-export-'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function deckWith(files: Record<string, string>): Promise<LoadedDeck> {
  const root = join(base, 'talk');
  await mkdir(root, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  return loadDeck(root);
}

describe('exportPdfInteractively', () => {
  describe('when the deck has errors', () => {
    it('refuses, naming the file and line, before asking where to save', async () => {
      const loaded = await deckWith({ '01-ok.md': '# Fine\n', '02-broken.md': '---\ntitle: never closed\n\n# Oops\n' });
      await expect(exportPdfInteractively(undefined, loaded)).rejects.toThrow(
        /^Fix these errors in the deck, then export again:\n02-broken\.md:1: error:/,
      );
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(BrowserWindow.instances).toHaveLength(0);
    });

    it('lists as many problems as podium export does, then how many more', async () => {
      const broken = Object.fromEntries(
        Array.from({ length: MAX_PROBLEMS_LISTED + 5 }, (_, index) => [`${String(index + 1).padStart(2, '0')}-broken.md`, '---\ntitle: never closed\n\n# Oops\n']),
      );
      const loaded = await deckWith(broken);
      const refusal = exportPdfInteractively(undefined, loaded);
      await expect(refusal).rejects.toThrow(new RegExp(`\\n${MAX_PROBLEMS_LISTED}-broken\\.md:1: error:[^\\n]*\\n…and 5 more$`));
      await expect(prepareExport(loaded, DEFAULT_EXPORT_OPTIONS)).rejects.toThrow(new RegExp(`\\n${MAX_PROBLEMS_LISTED}-broken\\.md:1: error:[^\\n]*\\n…and 5 more$`));
    });
  });

  describe('when the deck is sound', () => {
    it('prints the print view in a hidden, locked-down window and writes the PDF', async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n\n---\n\n# Los Angeles 2028\n' });
      const target = join(base, 'out.pdf');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      printPageWillShow(['01-intro.md:1', '01-intro.md:5']);

      const result = await exportPdfInteractively(undefined, loaded);

      expect(result).toEqual({ path: target, bytes: (await readFile(target)).byteLength });
      const [window] = BrowserWindow.instances;
      expect(window?.options.show).toBe(false);
      expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(window?.loadURL).toHaveBeenCalledWith('podium://app/index.html?for=pdf&view=print');
      expect(window?.webContents.windowOpenHandler).not.toBeNull();
      expect(window?.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true });
      expect(window?.isDestroyed()).toBe(true);
      expect((await readdir(base)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    it("finishes the PDF as `podium export` does: the deck's title and the same bookmarks", async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n\n---\n\n# Los Angeles 2028\n' });
      const target = join(base, 'out.pdf');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      printPageWillShow(['01-intro.md:1', '01-intro.md:5']);

      await exportPdfInteractively(undefined, loaded);

      const written = await readFile(target);
      expect((await PDFDocument.load(written)).getTitle()).toBe('Paris 2024');
      expect(await readOutline(written)).toEqual([
        {
          title: 'Paris 2024',
          page: 1,
          children: [
            { title: 'Paris 2024', page: 1, children: [] },
            { title: 'Los Angeles 2028', page: 2, children: [] },
          ],
        },
      ]);
    });

    it("shows progress on the parent window's progress bar and removes it when done", async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n' });
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(base, 'out.pdf') });
      printPageWillShow(['01-intro.md:1']);
      const parent = new BrowserWindow({});

      await exportPdfInteractively(parent as never, loaded);

      const fractions = parent.setProgressBar.mock.calls.map(([fraction]) => fraction as number);
      expect(fractions.length).toBeGreaterThan(2);
      expect(fractions.slice(0, -1)).toEqual([...fractions.slice(0, -1)].sort((a, b) => a - b));
      expect(fractions.at(-1)).toBe(-1);
    });

    it('refuses a slide whose image is missing, naming file and line, before asking where to save', async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n\n![The stadium](stadium.jpg)\n' });

      await expect(exportPdfInteractively(undefined, loaded)).rejects.toThrow(
        /^the deck refers to files it does not have[^]*01-intro\.md:3: error: image "stadium\.jpg" not found/,
      );
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(await readdir(base)).toEqual(['talk']);
    });

    it('offers the deck title as the file name, beside the deck folder', async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris: the closing night\n' });
      await exportPdfInteractively(undefined, loaded);
      const [options] = dialog.showSaveDialog.mock.calls[0] as [{ defaultPath: string }];
      expect(options.defaultPath).toBe(join(base, 'Paris- the closing night.pdf'));
    });

    it('still writes the PDF when the deck window is closed during the export', async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n' });
      const target = join(base, 'out.pdf');
      const deckWindow = new BrowserWindow({});
      dialog.showSaveDialog.mockImplementationOnce(async () => {
        deckWindow.destroy();
        return { canceled: false, filePath: target };
      });
      printPageWillShow(['01-intro.md:1']);

      const result = await exportPdfInteractively(deckWindow as never, loaded);

      expect(result?.path).toBe(target);
      expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('does nothing more when the save dialog is cancelled', async () => {
      const loaded = await deckWith({ '01-intro.md': '# Paris 2024\n' });
      expect(await exportPdfInteractively(undefined, loaded)).toBeNull();
      expect(BrowserWindow.instances).toHaveLength(0);
      expect(await readdir(base)).toEqual(['talk']);
    });
  });
});

describe('exportInPrintWindow', () => {
  /** A one-slide deck, exported with a deadline of `timeoutMs`. */
  async function exportWithin(timeoutMs: number): Promise<Uint8Array> {
    const { deck } = await deckWith({ '01-intro.md': '# Paris 2024\n' });
    return exportInPrintWindow(deck, { ...DEFAULT_EXPORT_OPTIONS, timeoutMs });
  }

  /** The next print window: its page never answers, as a page stuck in a long script. */
  function printPageNeverAnswers(): void {
    const push = BrowserWindow.instances.push.bind(BrowserWindow.instances);
    BrowserWindow.instances.push = (...windows: BrowserWindow[]): number => {
      for (const window of windows) window.webContents.executeJavaScript.mockImplementation(() => new Promise<never>(() => undefined));
      return push(...windows);
    };
  }

  it('gives up at the deadline when the page never answers, and destroys its window', async () => {
    printPageNeverAnswers();
    await expect(exportWithin(300)).rejects.toThrow('export timed out after 0.3 s; nothing written');
    expect(BrowserWindow.instances[0]?.isDestroyed()).toBe(true);
  });

  it('gives up when the page stops responding', async () => {
    printPageNeverAnswers();
    const printing = exportWithin(60_000);
    await vi.waitFor(() => expect(BrowserWindow.instances[0]?.webContents.executeJavaScript).toHaveBeenCalled());
    BrowserWindow.instances[0]?.webContents.emit('unresponsive');
    await expect(printing).rejects.toThrow('the print view stopped responding; nothing written');
    expect(BrowserWindow.instances[0]?.isDestroyed()).toBe(true);
  });

  it('names how the renderer ended when it is killed for memory', async () => {
    printRendererWillCrash('oom');
    await expect(exportWithin(60_000)).rejects.toThrow("the print view's renderer ran out of memory (exit code 139)");
  });

  it('leaves no listener behind on a page that printed', async () => {
    printPageWillShow(['01-intro.md:1']);
    await exportWithin(60_000);
    const contents = BrowserWindow.instances[0]?.webContents;
    expect(contents?.listenerCount('render-process-gone')).toBe(0);
    expect(contents?.listenerCount('unresponsive')).toBe(0);
  });
});

describe('waitForReadyAttribute', () => {
  it(`polls until <html> has the ready attribute`, async () => {
    const contents = new FakeWebContents();
    contents.readyAnswers = [false, false, true];
    await waitForReadyAttribute(contents as never, 5000);
    expect(contents.executeJavaScript).toHaveBeenCalledTimes(3);
    expect(contents.executeJavaScript.mock.calls[0]?.[0]).toContain('data-podium-ready');
  });

  it('gives up with a runtime error when the page never gets ready', async () => {
    const contents = new FakeWebContents();
    contents.readyAnswers = Array.from({ length: 100 }, () => false);
    await expect(waitForReadyAttribute(contents as never, 250)).rejects.toThrow(/not ready after/);
  });
});

describe('fileNameFor', () => {
  it('replaces characters no file system accepts', () => {
    expect(fileNameFor('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
  });

  it('never returns an empty or hidden name', () => {
    expect(fileNameFor('...')).toBe('deck');
    expect(fileNameFor('.hidden')).toBe('hidden');
  });
});
