import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { buildDeck, type SegmentSource } from '../../shared/deck/build-deck';
import type { Deck, ProblemCode } from '../../shared/deck/model';
import { createProblem } from '../../shared/deck/problems';
import { compareNaturally } from '../../shared/deck/natural-order';
import { PodiumError } from '../../shared/errors';
import { isInside } from './deck-files';
import { parseDeckSettings, readDeckSettings, DECK_SETTINGS_FILE, type DeckSettingsRead } from './deck-settings';

export interface LoadedDeck {
  /** Absolute path of the deck folder: the only place assets are served from. */
  root: string;
  deck: Deck;
  /**
   * Where the deck's settings (`lang`, `theme`…) are written, relative to root: deck.yaml, or a
   * single-file deck's own .md (its front matter); null for a folder that has no deck.yaml yet.
   */
  settingsFile: string | null;
}

/** A segment larger than this is refused rather than parsed: no one presents 10 MB of Markdown. */
export const MAX_SEGMENT_BYTES = 10 * 1024 * 1024;

/**
 * Loads a deck: a folder of `*.md` segment files (natural filename order, or `deck.yaml`'s
 * `segments`), or a single `.md` file. Problems inside the deck become values in the model;
 * a path that is not a deck at all throws a usage error.
 */
export async function loadDeck(deckPath: string): Promise<LoadedDeck> {
  const absolute = resolve(deckPath);
  const info = await stat(absolute).catch(() => null);
  if (info === null) {
    throw new PodiumError('usage', `deck not found: ${deckPath}`);
  }
  if (info.isFile() && extname(absolute).toLowerCase() === '.md') {
    const root = dirname(absolute);
    const file = basename(absolute);
    const segment = await readSegment(root, file);
    const own = 'source' in segment ? frontMatterSettings(segment.source, file) : { settings: {}, problems: [] };
    const deck = buildDeck({
      fallbackTitle: titleFromFileName(file),
      settings: own.settings,
      segments: [segment],
      problems: own.problems,
    });
    return { root, deck, settingsFile: file };
  }
  if (!info.isDirectory()) {
    throw new PodiumError('usage', `not a deck (a folder or a .md file): ${deckPath}`);
  }

  const root = absolute;
  const settings = await readDeckSettings(root);
  const files = settings.segments ?? (await listSegmentFiles(root));
  const segments = await Promise.all(files.map((file) => readSegment(root, file)));
  const deck = buildDeck({
    fallbackTitle: basename(root),
    settings: settings.settings,
    segments,
    problems: settings.problems,
  });
  if (deck.slides.length === 0 && deck.problems.length === 0) {
    deck.problems.push(
      createProblem('no-slides', settings.segments ? DECK_SETTINGS_FILE : '.', 1, 'the deck has no slides: add a .md file to the folder'),
    );
  }
  return { root, deck, settingsFile: settings.absent ? null : DECK_SETTINGS_FILE };
}

async function listSegmentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    // Symlinks are listed too: one that leads out of the deck is then reported, not silently skipped.
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.md') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(compareNaturally);
}

/** Reads one segment, turning every way it can fail into a problem that names the file. */
const readCache = new Map<string, { stamp: string; source: string }>();

async function readSegment(root: string, file: string): Promise<SegmentSource> {
  const path = resolve(root, file);
  const rel = relative(root, path).split(sep).join('/');
  const fail = (message: string, code: ProblemCode = 'unreadable-segment'): SegmentSource => ({
    file: rel,
    error: createProblem(code, rel, 1, message),
  });
  if (rel.startsWith('..')) return fail('segment is outside the deck folder', 'outside-deck');
  try {
    // A symlinked segment may point anywhere: only its target's real place counts.
    if (!isInside(await realpath(root), await realpath(path))) return fail('segment is a link to a file outside the deck folder', 'outside-deck');
    const info = await stat(path, { bigint: true });
    if (!info.isFile()) return fail('segment is not a file');
    if (info.size > BigInt(MAX_SEGMENT_BYTES)) {
      return fail(`segment is too large (${(Number(info.size) / 1048576).toFixed(1)} MB; the limit is 10 MB)`);
    }
    // A live reload re-reads the deck after every save: files whose size and nanosecond mtime are
    // unchanged are taken from the last read, so a 500-file deck costs one read, not 500.
    const stamp = `${info.size}:${info.mtimeNs}:${info.ino}`;
    const cached = readCache.get(path);
    if (cached?.stamp === stamp) return { file: rel, source: cached.source };
    const bytes = await readFile(path);
    if (looksBinary(bytes)) return fail('segment is not a text file');
    const source = bytes.toString('utf8');
    readCache.set(path, { stamp, source });
    return { file: rel, source };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    return fail(`cannot read segment: ${errno ?? String(error)}`, errno === 'ENOENT' ? 'missing-file' : 'unreadable-segment');
  }
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function titleFromFileName(file: string): string {
  return basename(file, extname(file));
}

// What reveal-md reads from a single file's front matter to present it, and Podium's `lang`
// (which `podium check` asks for there when the deck is one file).
const REVEAL_MD_KEYS = /^(title|lang|theme|separator|verticalSeparator|notesSeparator|css|transition|size|revealOptions|plugins):/m;

/**
 * A single-file deck's settings, from its front matter as reveal-md reads them (`theme`,
 * `separator: ----`…); none when it has no front matter or none of those keys.
 */
function frontMatterSettings(source: string, file: string): DeckSettingsRead {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { settings: {}, problems: [] };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) return { settings: {}, problems: [] };
  const text = lines.slice(1, end).join('\n');
  if (!REVEAL_MD_KEYS.test(text)) return { settings: {}, problems: [] };
  // The rest of a segment's front matter is the author's own (duration, performers…), never a typo.
  return parseDeckSettings(text, file, 2, { warnUnknownKeys: false });
}
