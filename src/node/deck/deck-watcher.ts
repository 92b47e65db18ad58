import { watch, type FSWatcher } from 'chokidar';

/** Editors save in bursts (write, rename, chmod); one reload per burst is enough. */
const SETTLE_MS = 25;

/**
 * Watches a deck folder and calls `onChange` once per burst of changes to its Markdown files,
 * `deck.yaml`, or any asset; ignores dot-folders such as `.git` and `.podium`.
 */
export class DeckWatcher {
  private readonly watcher: FSWatcher;
  private timer: NodeJS.Timeout | null = null;

  constructor(root: string, onChange: () => void, onError: (error: unknown) => void = () => undefined) {
    this.watcher = watch(root, {
      ignoreInitial: true,
      // A symlink may lead out of the deck, or back into it for ever (ELOOP): the deck is its folder.
      followSymlinks: false,
      ignored: (path) => /(^|[\\/])(\.[^\\/]+|node_modules)([\\/]|$)/.test(path.slice(root.length)),
    });
    // Without a listener, a watcher error (a folder it cannot read) would end the whole process.
    this.watcher.on('error', onError);
    this.watcher.on('all', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        onChange();
      }, SETTLE_MS);
    });
  }

  /** Resolves once the initial scan is done, so that changes after it are seen. */
  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watcher.close();
  }
}
