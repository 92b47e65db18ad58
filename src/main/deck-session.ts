import type { Deck } from '../shared/deck/model';
import { loadDeck, type LoadedDeck } from '../node/deck/load-deck';
import { DeckWatcher } from '../node/deck/deck-watcher';

/**
 * The deck the app has open: loaded from disk, watched, and reloaded on every change. Opening
 * another deck replaces it; a reload that finishes after that is dropped.
 */
export class DeckSession {
  private loaded: LoadedDeck | null = null;
  private path: string | null = null;
  private watcher: DeckWatcher | null = null;
  /** Bumped by each `open`, so that a reload started for an older deck knows it is stale. */
  private generation = 0;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;

  constructor(
    private readonly onDeckChanged: (deck: Deck) => void,
    private readonly onReloadFailed: (error: unknown) => void = (error) => console.error(error),
  ) {}

  get current(): LoadedDeck | null {
    return this.loaded;
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
    const generation = ++this.generation;
    await this.watcher?.close();
    if (generation !== this.generation) return loaded;
    this.loaded = loaded;
    this.path = path;
    this.reloadAgain = false;
    const watcher = new DeckWatcher(loaded.root, () => this.scheduleReload());
    this.watcher = watcher;
    await watcher.ready();
    this.onDeckChanged(loaded.deck);
    return loaded;
  }

  async close(): Promise<void> {
    this.generation++;
    await this.watcher?.close();
    this.watcher = null;
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
      if (generation !== this.generation) return;
      this.loaded = loaded;
      this.onDeckChanged(loaded.deck);
    } catch (error) {
      // The deck folder was removed or renamed: keep showing the last good deck.
      if (generation === this.generation) this.onReloadFailed(error);
    }
  }
}
