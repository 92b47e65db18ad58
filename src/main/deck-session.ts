import { stat } from 'node:fs/promises';
import type { Deck } from '../shared/deck/model';
import { loadDeck, type LoadedDeck } from '../node/deck/load-deck';
import { DeckWatcher } from '../node/deck/deck-watcher';
import { diskProblems } from '../node/check/file-problems';

/** How often a deck whose folder vanished is looked for. */
const RETURN_CHECK_MS = 500;

/**
 * The deck the app has open: loaded from disk, watched, and reloaded on every change. Opening
 * another deck replaces it; a reload that finishes after that is dropped.
 */
export class DeckSession {
  private loaded: LoadedDeck | null = null;
  private shown: Deck | null = null;
  private path: string | null = null;
  private watcher: DeckWatcher | null = null;
  /** Bumped by each `open`, so that a reload started for an older deck knows it is stale. */
  private generation = 0;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  /** Set while the deck's folder is gone: looks for it to come back. */
  private returnCheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly onDeckChanged: (deck: Deck) => void,
    private readonly onReloadFailed: (error: unknown) => void = (error) => console.error(error),
  ) {}

  get current(): LoadedDeck | null {
    return this.loaded;
  }

  /**
   * The deck as the windows get it: with the missing files the slides name among its problems,
   * for the edit view's list. Exports read `current`, which has only the loader's problems.
   */
  get shownDeck(): Deck | null {
    return this.shown;
  }

  /** The path the open deck was opened from, as given to `open`; null before the first. */
  get openPath(): string | null {
    return this.path;
  }

  /**
   * Loads the deck at `path` and starts watching it; throws `PodiumError` for a path that is not a
   * deck, keeping the deck that was open.
   */
  async open(path: string): Promise<LoadedDeck> {
    const loaded = await loadDeck(path);
    const shown = await withDiskProblems(loaded);
    const generation = ++this.generation;
    await this.watcher?.close();
    if (generation !== this.generation) return loaded;
    this.loaded = loaded;
    this.shown = shown;
    this.path = path;
    this.reloadAgain = false;
    this.stopLookingForReturn();
    await this.watch(loaded.root);
    this.onDeckChanged(shown);
    return loaded;
  }

  async close(): Promise<void> {
    this.generation++;
    this.stopLookingForReturn();
    await this.watcher?.close();
    this.watcher = null;
  }

  private async watch(root: string): Promise<void> {
    const watcher = new DeckWatcher(root, () => this.scheduleReload());
    this.watcher = watcher;
    await watcher.ready();
  }

  /**
   * The deck's folder was deleted, renamed or unmounted (a USB stick pulled): the last good deck
   * stays on screen, and once a folder of that name is back it is watched and loaded again.
   */
  private lookForReturn(root: string): void {
    if (this.returnCheck) return;
    const generation = this.generation;
    this.returnCheck = setInterval(() => {
      void isFolder(root).then(async (back) => {
        if (!back || generation !== this.generation || this.returnCheck === null) return;
        this.stopLookingForReturn();
        await this.watcher?.close();
        if (generation !== this.generation) return;
        await this.watch(root);
        this.scheduleReload();
      });
    }, RETURN_CHECK_MS);
    // Looking must not keep a quitting app alive.
    this.returnCheck.unref();
  }

  private stopLookingForReturn(): void {
    if (this.returnCheck) clearInterval(this.returnCheck);
    this.returnCheck = null;
  }

  // One reload at a time: changes that arrive during a reload cause exactly one more.
  private scheduleReload(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = this.reload().finally(() => {
      this.reloading = null;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.scheduleReload();
      }
    });
  }

  private async reload(): Promise<void> {
    const generation = this.generation;
    const path = this.path;
    if (path === null) return;
    try {
      const loaded = await loadDeck(path);
      const shown = await withDiskProblems(loaded);
      if (generation !== this.generation) return;
      this.loaded = loaded;
      this.shown = shown;
      this.onDeckChanged(shown);
    } catch (error) {
      // Keep showing the last good deck.
      if (generation !== this.generation) return;
      this.onReloadFailed(error);
      const root = this.loaded?.root;
      if (root !== undefined && !(await isFolder(root))) this.lookForReturn(root);
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

async function withDiskProblems({ root, deck }: LoadedDeck): Promise<Deck> {
  return { ...deck, problems: await diskProblems(root, deck) };
}
