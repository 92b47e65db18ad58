import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PodiumError } from '../../shared/errors';
import { parseSavedDrawings, type SavedDrawings } from '../../shared/present/drawing';
import { deckStateFolderForReading, deckStateFolderForWriting } from '../fs/deck-state-folder';
import { writeFileAtomically } from '../fs/write-atomic';

/** Beside the deck, in the dot-folder the deck watcher ignores: saving it does not reload the deck. */
export const DRAWINGS_FILE = '.podium/drawings.json';
const DRAWINGS_FOLDER = dirname(DRAWINGS_FILE);
const DRAWINGS_NAME = basename(DRAWINGS_FILE);

/**
 * The deck's saved drawings; none when the deck has no file. A file that is not drawings is an
 * error naming it: `podium export --drawings` must not print a deck without them and say nothing.
 */
export async function readDrawings(root: string): Promise<SavedDrawings> {
  const folder = await deckStateFolderForReading(root, DRAWINGS_FOLDER);
  if (folder === null) return { pages: {} };
  const file = join(folder, DRAWINGS_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { pages: {} };
    throw error;
  }
  let parsed: SavedDrawings | null = null;
  try {
    parsed = parseSavedDrawings(JSON.parse(text));
  } catch (error) {
    throw new PodiumError('usage', `${file}: not JSON (${(error as Error).message})`);
  }
  if (parsed === null) throw new PodiumError('usage', `${file}: not Podium drawings (expected {"pages": {"h/v": [strokes]}})`);
  return parsed;
}

/** Replaces the deck's saved drawings, whole or not at all. */
export async function writeDrawings(root: string, drawings: unknown): Promise<void> {
  const parsed = parseSavedDrawings(drawings);
  if (parsed === null) throw new PodiumError('usage', 'not drawings: expected {"pages": {"h/v": [strokes]}}');
  const folder = await deckStateFolderForWriting(root, DRAWINGS_FOLDER);
  await writeFileAtomically(join(folder, DRAWINGS_NAME), JSON.stringify(parsed) + '\n');
}
