import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecentDeck } from '../shared/welcome-api';
import { writeFileAtomically } from '../node/fs/write-atomic';

/** As many as a welcome window shows without scrolling. */
export const MAX_RECENT_DECKS = 10;
const FILE_NAME = 'recent-decks.json';

/**
 * The decks opened lately, newest first, kept in the app's `userData` folder. A file that is
 * missing or unreadable is an empty list, never an error: it only saves the person a dialog.
 */
export class RecentDecks {
  private readonly file: string;
  /** Adds one after another: two at once would each write the list without the other. */
  private adding: Promise<void> = Promise.resolve();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, FILE_NAME);
  }

  /** The list, without decks that are no longer on disk. */
  async list(): Promise<RecentDeck[]> {
    const kept = await this.read();
    const present = await Promise.all(kept.map((deck) => stat(deck.path).then(() => true, () => false)));
    return kept.filter((_, index) => present[index]);
  }

  add(deck: RecentDeck): Promise<void> {
    const added = this.adding.then(async () => {
      const others = (await this.read()).filter((known) => known.path !== deck.path);
      const decks = [deck, ...others].slice(0, MAX_RECENT_DECKS);
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, `${JSON.stringify(decks, null, 2)}\n`);
    });
    this.adding = added.catch(() => undefined);
    return added;
  }

  private async read(): Promise<RecentDeck[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRecentDeck) : [];
    } catch {
      return [];
    }
  }
}

function isRecentDeck(value: unknown): value is RecentDeck {
  if (typeof value !== 'object' || value === null) return false;
  const { path, title } = value as Record<string, unknown>;
  return typeof path === 'string' && path !== '' && typeof title === 'string';
}
