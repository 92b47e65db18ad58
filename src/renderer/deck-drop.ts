import type { DeckDropApi } from '../shared/api';

/**
 * A deck folder or `.md` file dropped on the window opens as the deck (in the app, where the
 * preload gives `dropApi`). Anything else dropped does nothing: left to Chromium, a dropped file
 * replaces the page with itself. A drop a view took for itself (the editor inserting dropped
 * text) is left alone.
 */
export function acceptDeckDrops(target: EventTarget, dropApi: DeckDropApi | undefined): void {
  target.addEventListener('dragover', (event) => {
    const transfer = (event as DragEvent).dataTransfer;
    if (!carriesFiles(transfer) || event.defaultPrevented) return;
    // Cancelling dragover is what lets a drop happen here at all, instead of the default.
    event.preventDefault();
    transfer.dropEffect = dropApi ? 'copy' : 'none';
  });
  target.addEventListener('drop', (event) => {
    const transfer = (event as DragEvent).dataTransfer;
    if (!carriesFiles(transfer) || event.defaultPrevented) return;
    event.preventDefault();
    const deck = droppedDeck(transfer);
    // The main process says in an error box why a deck cannot open; the page has nothing to add.
    if (deck && dropApi) dropApi.openDroppedDeck(deck).catch(() => {});
  });
}

function carriesFiles(transfer: DataTransfer | null): transfer is DataTransfer {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/** The one folder or `.md` file dropped; null for several things at once, or anything else. */
function droppedDeck(transfer: DataTransfer): File | null {
  const file = transfer.files[0];
  if (transfer.files.length !== 1 || file === undefined) return null;
  // Only the drag's entry tells a folder from a file: a folder's File has no type and no size,
  // as an empty file without an extension does.
  const isFolder = transfer.items[0]?.webkitGetAsEntry()?.isDirectory === true;
  return isFolder || file.name.toLowerCase().endsWith('.md') ? file : null;
}
