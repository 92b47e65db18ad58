import { lstat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';

/** Editors save in bursts (write, rename, chmod); one reload per burst is enough. */
const SETTLE_MS = 25;

/**
 * chokidar drops the event of a file replaced again a few tens of milliseconds after its last
 * event (seen on Linux: of four rename-over saves 10–40 ms apart, two were reported, the last one
 * not). So each burst is followed by one more look once that window has passed: a save that
 * landed in it is read then instead of never. Only the files of the burst are looked at, and only
 * a file that changed again (another inode, size or time) calls `onChange` a second time.
 */
const RECHECK_MS = 150;

/**
 * Watches a deck folder and calls `onChange` once per burst of changes to its Markdown files,
 * `deck.yaml`, or any asset, with the paths the burst touched; ignores dot-folders such as `.git`
 * and `.podium`.
 */
export class DeckWatcher {
  private readonly watcher: FSWatcher;
  private timer: NodeJS.Timeout | null = null;
  private recheck: NodeJS.Timeout | null = null;
  private burst = new Set<string>();

  constructor(root: string, onChange: (paths: readonly string[]) => void, onError: (error: unknown) => void = () => undefined) {
    this.watcher = watch(root, {
      ignoreInitial: true,
      // A symlink may lead out of the deck, or back into it for ever (ELOOP): the deck is its folder.
      followSymlinks: false,
      ignored: (path) => /(^|[\\/])(\.[^\\/]+|node_modules)([\\/]|$)/.test(path.slice(root.length)),
    });
    // Without a listener, a watcher error (a folder it cannot read) would end the whole process.
    this.watcher.on('error', onError);
    this.watcher.on('all', (_event, path) => {
      if (this.timer) clearTimeout(this.timer);
      if (this.recheck) clearTimeout(this.recheck);
      this.burst.add(path);
      this.timer = setTimeout(() => {
        this.timer = null;
        const paths = [...this.burst];
        this.burst.clear();
        void fingerprint(paths).then((before) => {
          onChange(paths);
          this.recheck = setTimeout(() => {
            this.recheck = null;
            void fingerprint(paths).then((after) => {
              if (after !== before && this.recheck === null && this.timer === null) onChange(paths);
            });
          }, RECHECK_MS);
        });
      }, SETTLE_MS);
    });
  }

  /** Resolves once the initial scan is done, so that changes after it are seen. */
  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.recheck) clearTimeout(this.recheck);
    await this.watcher.close();
  }
}

/** What a later save of any of `paths` changes: inode, size and modification time, or absence. */
async function fingerprint(paths: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    paths.map((path) =>
      lstat(path).then(
        (stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`,
        () => 'gone',
      ),
    ),
  );
  return parts.join('|');
}
