/**
 * Resolves a link written in a segment file (relative to that file) to a path relative to the deck
 * folder, with forward slashes; `null` when it leaves the deck. Pure string work, so that the
 * renderer and the host agree on it; the host still checks the real path on disk (symlinks).
 */
export function resolveInDeck(segmentFile: string, href: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return null;
  }
  // NUL, or a second round of encoding (`%252e%252e`): the server would refuse it, so refuse it here.
  if (decoded.includes('\0') || /%[0-9a-f]{2}/i.test(decoded)) return null;
  const normalizedSlashes = decoded.replace(/\\/g, '/');
  // Absolute paths, drive letters and UNC paths never point into the deck.
  if (normalizedSlashes.startsWith('/') || /^[a-zA-Z]:/.test(normalizedSlashes)) return null;
  const segmentDir = segmentFile.split('/').slice(0, -1);
  return normalizeDeckPath([...segmentDir, ...normalizedSlashes.split('/')]);
}

/** Collapses `.` and `..`; `null` if `..` climbs above the deck folder. */
export function normalizeDeckPath(parts: readonly string[]): string | null {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return out.length === 0 ? null : out.join('/');
}

/** True for hrefs that carry their own scheme (`https:`, `mailto:`, `data:`) or are in-page anchors. */
export function isExternalOrAnchor(href: string): boolean {
  return href.startsWith('#') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) && !/^[a-zA-Z]:[\\/]/.test(href);
}
