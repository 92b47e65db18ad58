// @vitest-environment happy-dom
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitOutRevealTimers } from '../reveal-teardown';
import { fakeDeckApi } from '../fake-deck-api';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import type { DeckEditApi } from '../../../src/shared/edit/edit-api';
import type { ExportApi } from '../../../src/shared/export/export-api';
import { themeUrl } from '../../../src/renderer/deck-view/themes';
import { EditView } from '../../../src/renderer/editor/edit-view';

const SOURCE = '# One\n\n---\n\n# Two\n';
const deck = buildDeck({ fallbackTitle: 'deck', segments: [{ file: 'a.md', source: SOURCE }] });

function fakeHost() {
  const { api: deckApi, deckListeners } = fakeDeckApi(deck);
  const saves: string[] = [];
  const exportRequestListeners = new Set<() => void>();
  const unused = (): never => {
    throw new Error('not used here');
  };
  const editApi: DeckEditApi = {
    readSegment: async (file) => ({ file, text: SOURCE, version: 'v1' }),
    saveSegment: async (_file, text) => (saves.push(text), { saved: true, version: 'v2' }),
    // An earlier session's unsaved edit: restoring it is how the test makes the text unsaved.
    listRecovery: async () => [{ file: 'a.md', text: `${SOURCE}\nrecovered\n`, baseVersion: 'v1', savedAt: 0 }],
    recordRecovery: async () => undefined,
    discardRecovery: async () => undefined,
    createSegment: unused,
    duplicateSegment: unused,
    renameSegment: unused,
    deleteSegment: unused,
    restoreSegment: unused,
    reorderSegments: unused,
  };
  const exportApi: ExportApi = {
    exportPdf: unused,
    exportPptx: unused,
    onExportProgress: () => () => undefined,
    onExportRequested: (listener) => (exportRequestListeners.add(listener), () => exportRequestListeners.delete(listener)),
  };
  return { deckApi, editApi, exportApi, deckListeners, exportRequestListeners, saves };
}

describe('EditView', () => {
  let host: ReturnType<typeof fakeHost>;
  let view: EditView;

  beforeEach(async () => {
    document.body.innerHTML = '<div class="reveal"><div class="slides"></div></div>';
    // Already pointing at the deck's theme, the preview does not wait for a stylesheet happy-dom cannot fetch.
    if (!document.getElementById('podium-theme')) {
      const theme = document.createElement('link');
      theme.id = 'podium-theme';
      theme.setAttribute('href', themeUrl(deck.settings.theme));
      document.head.append(theme);
    }
    // happy-dom has no FontFaceSet: the preview waits for fonts before it lays out its slides.
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { ready: Promise.resolve() } });
    host = fakeHost();
    view = new EditView(host.deckApi, host.editApi, document.querySelector<HTMLElement>('.reveal')!, host.exportApi);
    await view.start();
  });
  afterEach(() => view.destroy());

  it('while started, takes the decks the host reports', () => {
    expect(host.deckListeners.size).toBe(1);
    expect(host.exportRequestListeners.size).toBe(1);
    expect(document.querySelector('.podium-edit-status')?.textContent).toBe('a.md — saved');
  });

  it('once destroyed, no longer listens to the host (decks, Export requests) nor guards unsaved edits against unloading', async () => {
    const restore = [...document.querySelectorAll<HTMLButtonElement>('.podium-notice button')].find((button) => button.textContent === 'Restore');
    restore?.click();
    await vi.waitFor(() => expect(document.querySelector('.podium-edit-status')?.textContent).toBe('a.md — ● unsaved'));
    const unloading = (): boolean => {
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      return unload.defaultPrevented;
    };
    expect(unloading()).toBe(true);
    view.destroy();
    expect(host.deckListeners.size).toBe(0);
    expect(host.exportRequestListeners.size).toBe(0);
    expect(unloading()).toBe(false);
  });
});

afterAll(waitOutRevealTimers);
