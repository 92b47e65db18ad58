import { readFile, stat } from 'node:fs/promises';
import { imageSize } from 'image-size';

/** The picture formats a slide can show, by file extension: only these are read and checked. */
const RASTER = /\.(png|jpe?g|gif|webp|avif|bmp|ico)$/i;
const SVG = /\.svg$/i;
// An SVG is text with an <svg> element; image-size would also ask for a size, which browsers do not.
const SVG_ELEMENT = /<svg[\s/>]/i;

/** Past this size a file is not read to check it: a slide's picture is not 64 MB. */
const MAX_CHECKED_BYTES = 64 * 1024 * 1024;

// Serve mode checks the deck's files after every save: a file whose size and mtime are unchanged
// keeps its verdict, so a deck of large photos is read once.
const verdicts = new Map<string, { stamp: string; reason: string | null }>();

/**
 * Why the browser could not draw this image file (a `.png` that holds text, say), or null when
 * it can or when the file is not a picture by its name (a video, a PDF: not checked). Read with
 * image-size, which parses each format's header: what it cannot parse, a page shows as a broken image.
 */
export async function unshowableImage(path: string, file: string): Promise<string | null> {
  const svg = SVG.test(path);
  if (!svg && !RASTER.test(path)) return null;
  const info = await stat(file, { bigint: true });
  if (info.size > BigInt(MAX_CHECKED_BYTES)) return null;
  const stamp = `${info.size}:${info.mtimeNs}:${info.ino}`;
  const known = verdicts.get(file);
  if (known?.stamp === stamp) return known.reason;
  const bytes = await readFile(file);
  const reason = svg ? svgFault(bytes) : rasterFault(bytes);
  verdicts.set(file, { stamp, reason });
  return reason;
}

function svgFault(bytes: Buffer): string | null {
  return SVG_ELEMENT.test(bytes.toString('utf8')) ? null : 'it holds no <svg> element';
}

function rasterFault(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'the file is empty';
  try {
    // Which format it really is does not matter: a browser goes by the bytes, not the name.
    imageSize(bytes);
    return null;
  } catch {
    return 'it is not a PNG, JPEG, GIF, WebP, AVIF, BMP or ICO image, or a broken one';
  }
}
