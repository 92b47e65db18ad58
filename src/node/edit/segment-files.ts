import { randomBytes } from 'node:crypto';
import { copyFile, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { DeletedSegment } from '../../shared/edit/edit-api';
import { PodiumError } from '../../shared/errors';
import { DECK_SETTINGS_FILE } from '../deck/deck-settings';
import { loadDeck } from '../deck/load-deck';
import { writeFileAtomically } from '../fs/write-atomic';
import { deckStateFolderForReading, deckStateFolderForWriting } from '../fs/deck-state-folder';
import { segmentPath } from './segment-path';

/** Deleted segments wait here, inside the deck, until the deletion is undone. */
const TRASH_FOLDER = '.podium/trash';
const NUMBER_PREFIX = /^(\d+)([-_. ]+)?/;

/** The deck's segment files in order, and whether deck.yaml is what orders them. */
async function segmentOrder(root: string): Promise<{ files: string[]; listedInSettings: boolean }> {
  const { deck } = await loadDeck(root);
  const settingsText = await readFile(join(root, DECK_SETTINGS_FILE), 'utf8').catch(() => null);
  const listedInSettings = settingsText !== null && /^segments\s*:/m.test(settingsText);
  return { files: deck.segments.map((segment) => segment.file), listedInSettings };
}

/** Rewrites deck.yaml's `segments` list in place, keeping its other keys and its comments. */
async function writeSettingsOrder(root: string, files: string[]): Promise<void> {
  const path = join(root, DECK_SETTINGS_FILE);
  const document = parseDocument(await readFile(path, 'utf8'));
  if (!isMap(document.contents) || !isSeq(document.contents.get('segments', true))) {
    throw new PodiumError('deck', `${DECK_SETTINGS_FILE}: \`segments\` must be a list to reorder it`);
  }
  document.set('segments', document.createNode(files));
  await writeFileAtomically(path, document.toString());
}

function slugOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'segment'
  );
}

function withoutNumber(file: string): string {
  return basename(file).replace(NUMBER_PREFIX, '');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Gives numbered file names to `files` in this order (`01-…`, `02-…`), renaming through temporary
 * names so that no rename ever overwrites another segment.
 */
async function renumber(root: string, files: string[]): Promise<Map<string, string>> {
  const width = Math.max(2, String(files.length).length);
  const renames = new Map<string, string>();
  files.forEach((file, index) => {
    const folder = dirname(file) === '.' ? '' : `${dirname(file)}/`;
    renames.set(file, `${folder}${String(index + 1).padStart(width, '0')}-${withoutNumber(file)}`);
  });
  const moving = [...renames].filter(([from, to]) => from !== to);
  const parked = await Promise.all(
    moving.map(async ([from]) => {
      const temporary = join(root, `${from}.${randomBytes(4).toString('hex')}.renaming`);
      await rename(join(root, from), temporary);
      return temporary;
    }),
  );
  for (const [index, [, to]] of moving.entries()) {
    await rename(parked[index] ?? '', join(root, to));
  }
  return renames;
}

/** Puts `files` in this order: deck.yaml's list when it has one, else the files' number prefixes. */
export async function reorderSegments(root: string, files: string[]): Promise<string[]> {
  const current = await segmentOrder(root);
  if (files.length !== current.files.length || [...files].sort().join('\n') !== [...current.files].sort().join('\n')) {
    throw new PodiumError('usage', 'reorder: the new order must list every segment of the deck once');
  }
  if (current.listedInSettings) {
    await writeSettingsOrder(root, files);
    return files;
  }
  const renamed = await renumber(root, files);
  return files.map((file) => renamed.get(file) ?? file);
}

/** Inserts `file` after `afterFile` in the deck's order (or at the end). */
async function insertIntoOrder(root: string, file: string, afterFile: string | null): Promise<string> {
  const { files, listedInSettings } = await segmentOrder(root);
  const others = files.filter((existing) => existing !== file);
  const at = afterFile === null ? others.length : others.indexOf(afterFile) + 1;
  const order = [...others.slice(0, at), file, ...others.slice(at)];
  if (listedInSettings) {
    await writeSettingsOrder(root, order);
    return file;
  }
  return (await renumber(root, order)).get(file) ?? file;
}

/**
 * The number prefix a new segment placed after `afterFile` (or last) takes when every segment's
 * name has one (`04-` after `03-intro.md`, as wide as its neighbour's), so that it sorts among its
 * siblings; '' otherwise. Only deck.yaml-listed decks need it: a deck ordered by its file names is
 * renumbered whole on insertion. Its neighbours are not renamed: deck.yaml says the order.
 */
async function numberPrefixFor(root: string, afterFile: string | null): Promise<string> {
  const { files, listedInSettings } = await segmentOrder(root);
  if (!listedInSettings || files.length === 0) return '';
  const numbers = files.map((file) => NUMBER_PREFIX.exec(basename(file))?.[1]);
  if (numbers.some((number) => number === undefined)) return '';
  const neighbour = numbers[afterFile === null ? numbers.length - 1 : files.indexOf(afterFile)] ?? numbers[numbers.length - 1] ?? '0';
  return `${String(Number(neighbour) + 1).padStart(neighbour.length, '0')}-`;
}

export async function createSegment(root: string, afterFile: string | null, title: string): Promise<string> {
  const folder = afterFile && dirname(afterFile) !== '.' ? `${dirname(afterFile)}/` : '';
  const stem = `${await numberPrefixFor(root, afterFile)}${slugOf(title)}`;
  let file = `${folder}${stem}.md`;
  for (let n = 2; await exists(join(root, file)); n++) file = `${folder}${stem}-${n}.md`;
  const path = await segmentPath(root, file);
  const safeTitle = title.replace(/"/g, "'");
  await writeFile(path, `---\ntitle: "${safeTitle}"\n---\n\n# ${title}\n\nNote: \n`, { flag: 'wx' });
  return insertIntoOrder(root, file, afterFile);
}

export async function duplicateSegment(root: string, file: string): Promise<string> {
  const source = await segmentPath(root, file);
  const folder = dirname(file) === '.' ? '' : `${dirname(file)}/`;
  const stem = `${await numberPrefixFor(root, file)}${withoutNumber(file).replace(/\.md$/i, '')}`;
  let copy = `${folder}${stem}-copy.md`;
  for (let n = 2; await exists(join(root, copy)); n++) copy = `${folder}${stem}-copy-${n}.md`;
  await copyFile(source, await segmentPath(root, copy), 1 /* COPYFILE_EXCL */);
  return insertIntoOrder(root, copy, file);
}

export async function renameSegment(root: string, file: string, newName: string): Promise<string> {
  const from = await segmentPath(root, file);
  const folder = dirname(file) === '.' ? '' : `${dirname(file)}/`;
  const target = `${folder}${newName.toLowerCase().endsWith('.md') ? newName : `${newName}.md`}`;
  const to = await segmentPath(root, target);
  if (await exists(to)) throw new PodiumError('usage', `${target}: a segment with this name exists`);
  const { listedInSettings, files } = await segmentOrder(root);
  await rename(from, to);
  if (listedInSettings) await writeSettingsOrder(root, files.map((existing) => (existing === file ? target : existing)));
  return target;
}

export async function deleteSegment(root: string, file: string): Promise<DeletedSegment> {
  const path = await segmentPath(root, file);
  const trashId = `${Date.now()}-${randomBytes(4).toString('hex')}`;
  const before = await segmentOrder(root);
  const position = Math.max(0, before.files.indexOf(file));
  const trash = await deckStateFolderForWriting(root, `${TRASH_FOLDER}/${trashId}`);
  await rename(path, join(trash, basename(file)));
  const { listedInSettings, files } = await segmentOrder(root);
  if (listedInSettings) await writeSettingsOrder(root, files.filter((existing) => existing !== file));
  return { file, trashId, position };
}

export async function restoreSegment(root: string, deleted: DeletedSegment): Promise<string> {
  if (!/^[\w-]+$/.test(deleted.trashId)) throw new PodiumError('usage', 'restore: not a deleted segment');
  const target = await segmentPath(root, deleted.file);
  if (await exists(target)) throw new PodiumError('usage', `${deleted.file}: a segment with this name exists again`);
  const trash = await deckStateFolderForReading(root, `${TRASH_FOLDER}/${deleted.trashId}`);
  if (trash === null) throw new PodiumError('usage', `${deleted.file}: no longer in the deck's trash`);
  await rename(join(trash, basename(deleted.file)), target);
  const { listedInSettings, files } = await segmentOrder(root);
  // Back at its old place in deck.yaml's list (a numbered file name keeps its place by itself);
  // past the end if the deck has fewer segments since.
  if (listedInSettings && !files.includes(deleted.file)) {
    const at = Math.min(deleted.position, files.length);
    await writeSettingsOrder(root, [...files.slice(0, at), deleted.file, ...files.slice(at)]);
  }
  return deleted.file;
}
