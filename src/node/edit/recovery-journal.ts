import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecoveryEntry } from '../../shared/edit/edit-api';
import { deckStateFolderForReading, deckStateFolderForWriting } from '../fs/deck-state-folder';
import { writeFileAtomically } from '../fs/write-atomic';

/** Unsaved edits, one file per segment, offered back when the deck is next opened. */
const RECOVERY_FOLDER = '.podium/recovery';

function entryName(file: string): string {
  return `${createHash('sha256').update(file).digest('hex').slice(0, 24)}.json`;
}

export async function recordRecovery(root: string, entry: RecoveryEntry): Promise<void> {
  const folder = await deckStateFolderForWriting(root, RECOVERY_FOLDER);
  await writeFileAtomically(join(folder, entryName(entry.file)), JSON.stringify(entry));
}

export async function discardRecovery(root: string, file: string): Promise<void> {
  const folder = await deckStateFolderForReading(root, RECOVERY_FOLDER);
  if (folder !== null) await rm(join(folder, entryName(file)), { force: true });
}

export async function listRecovery(root: string): Promise<RecoveryEntry[]> {
  const folder = await deckStateFolderForReading(root, RECOVERY_FOLDER);
  if (folder === null) return [];
  const names = await readdir(folder).catch(() => [] as string[]);
  const entries: RecoveryEntry[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.json'))) {
    try {
      const entry = JSON.parse(await readFile(join(folder, name), 'utf8')) as RecoveryEntry;
      if (typeof entry.file === 'string' && typeof entry.text === 'string') entries.push(entry);
    } catch {
      // A journal entry cut short by a crash is skipped; it was written atomically, so this is rare.
    }
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}
