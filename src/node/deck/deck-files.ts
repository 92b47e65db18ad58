import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { normalizeDeckPath } from '../../shared/deck/deck-path';

/**
 * Maps a URL path below the deck prefix (still percent-encoded, as it came off the wire) to a real
 * file (not a folder) inside the deck folder, or `null`. Refuses `..` in any encoding, absolute and Windows-style
 * paths, NUL bytes, and symlinks whose target lies outside the deck.
 */
export async function resolveDeckFile(root: string, encodedPath: string): Promise<string | null> {
  const parts: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // A decoded segment may hide another separator or a second round of encoding (`%252e%252e`).
    if (/[\\/\0]/.test(part) || /%[0-9a-f]{2}/i.test(part) || /^[a-zA-Z]:$/.test(part)) return null;
    parts.push(part);
  }
  const inDeck = normalizeDeckPath(parts);
  if (inDeck === null || parts.includes('..')) return null;
  try {
    const realRoot = await realpath(root);
    const realFile = await realpath(resolve(realRoot, inDeck));
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** True when `path` lies strictly inside the folder `root` (both already real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Types a browser would run as script or open as a page of the app's origin. */
const ACTIVE_TYPES = new Set(['.html', '.htm', '.xhtml', '.js', '.mjs']);

/**
 * The type a file from a deck folder is served with: a deck's own HTML or script comes as plain
 * text, which the browser (told `nosniff`) will neither run nor render.
 */
export function deckFileContentTypeOf(path: string): string {
  return ACTIVE_TYPES.has(extname(path).toLowerCase()) ? 'text/plain; charset=utf-8' : contentTypeOf(path);
}
