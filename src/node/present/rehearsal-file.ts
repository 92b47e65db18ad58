import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PodiumError } from '../../shared/errors';
import { parseRehearsal, type Rehearsal } from '../../shared/present/rehearsal';
import { deckStateFolderForReading, deckStateFolderForWriting } from '../fs/deck-state-folder';
import { writeFileAtomically } from '../fs/write-atomic';

/** Beside the deck, in the dot-folder the deck watcher ignores: saving it does not reload the deck. */
export const REHEARSAL_FILE = '.podium/rehearsal.json';
const REHEARSAL_FOLDER = dirname(REHEARSAL_FILE);
const REHEARSAL_NAME = basename(REHEARSAL_FILE);

/** The deck's last rehearsal; null when there is none, or the file is not one (a rehearsal is optional). */
export async function readRehearsal(root: string): Promise<Rehearsal | null> {
  const folder = await deckStateFolderForReading(root, REHEARSAL_FOLDER);
  if (folder === null) return null;
  let text: string;
  try {
    text = await readFile(join(folder, REHEARSAL_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return parseRehearsal(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Replaces the deck's rehearsal, whole or not at all. */
export async function writeRehearsal(root: string, rehearsal: unknown): Promise<void> {
  const parsed = parseRehearsal(rehearsal);
  if (parsed === null) throw new PodiumError('usage', 'not a rehearsal: expected {"recordedAt": n, "slides": [{"h", "v", "ms"}]}');
  const folder = await deckStateFolderForWriting(root, REHEARSAL_FOLDER);
  await writeFileAtomically(join(folder, REHEARSAL_NAME), JSON.stringify(parsed, null, 2) + '\n');
}
