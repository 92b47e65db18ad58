/**
 * Drawings over slides: what a stroke is, the messages that carry drawing and the laser pointer
 * between the windows of a talk, and the saved form (`.podium/drawings.json`). Coordinates are in
 * slide units (the deck's width and height), so a stroke lands on the same spot at any screen size.
 */

export type DrawingTool = 'pen' | 'highlighter' | 'arrow';

export interface Stroke {
  /** Unique within its page: the drawing window's random prefix and a counter. */
  id: string;
  tool: DrawingTool;
  /** A CSS colour, one of DRAWING_COLOURS. */
  color: string;
  /** The fragment step it was drawn at: it shows from that step on, and not before. */
  f: number;
  /** [x, y, pressure] in slide units; pressure 0–1 (0.5 where the device reports none). */
  points: [number, number, number][];
}

/** The page of a slide (`h/v`), or the whiteboard's. */
export type DrawingPageKey = string;
export const WHITEBOARD_PAGE: DrawingPageKey = 'whiteboard';

export function slidePageKey(h: number, v: number): DrawingPageKey {
  return `${h}/${v}`;
}

/** The saved form: every page's strokes, in drawing order. */
export interface SavedDrawings {
  pages: Record<DrawingPageKey, Stroke[]>;
}

export type LaserPoint = { x: number; y: number } | null;

export type DrawingMessage =
  /** Adds a stroke, or replaces the one with its id (a stroke in flight is sent again as it grows). */
  | { kind: 'stroke'; page: DrawingPageKey; stroke: Stroke }
  | { kind: 'erase'; page: DrawingPageKey; id: string }
  | { kind: 'undo'; page: DrawingPageKey }
  | { kind: 'clear'; page: DrawingPageKey }
  /** Where the laser dot is on a page, or null once it is off. */
  | { kind: 'laser'; page: DrawingPageKey; point: LaserPoint }
  /** Every page at once: for a window that joins the talk, and after loading saved drawings. */
  | { kind: 'all'; drawings: SavedDrawings };

/** Pen colours, keys 1–6 in drawing mode. */
export const DRAWING_COLOURS = ['#e8132b', '#1565ff', '#10a34a', '#ffb300', '#111111', '#ffffff'] as const;

// Bounds far above any real talk: they keep a hostile message or file cheap to read.
const MAX_POINTS = 5_000;
const MAX_STROKES_PER_PAGE = 2_000;
const MAX_PAGES = 5_000;
const MAX_COORDINATE = 100_000;
const MAX_INDEX = 100_000;
const PAGE_KEY = /^(?:\d{1,6}\/\d{1,6}|whiteboard)$/;
const STROKE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const COLOUR = /^#[0-9a-f]{6}$/i;
const TOOLS: readonly string[] = ['pen', 'highlighter', 'arrow'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPageKey(value: unknown): value is DrawingPageKey {
  return typeof value === 'string' && PAGE_KEY.test(value);
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** Reads a stroke from another window, the network or a file; null when it is not one. */
function parseStroke(value: unknown): Stroke | null {
  if (!isRecord(value)) return null;
  const { id, tool, color, f, points } = value;
  if (typeof id !== 'string' || !STROKE_ID.test(id)) return null;
  if (typeof tool !== 'string' || !TOOLS.includes(tool)) return null;
  if (typeof color !== 'string' || !COLOUR.test(color)) return null;
  if (typeof f !== 'number' || !Number.isInteger(f) || f < -1 || f > MAX_INDEX) return null;
  if (!Array.isArray(points) || points.length === 0 || points.length > MAX_POINTS) return null;
  const parsed: [number, number, number][] = [];
  for (const point of points as unknown[]) {
    if (!Array.isArray(point) || point.length !== 3) return null;
    const [x, y, pressure] = point as unknown[];
    if (!isCoordinate(x) || !isCoordinate(y) || typeof pressure !== 'number' || !(pressure >= 0 && pressure <= 1)) return null;
    parsed.push([x, y, pressure]);
  }
  return { id, tool: tool as DrawingTool, color, f, points: parsed };
}

/** Reads saved drawings; null when the value is not of their shape. */
export function parseSavedDrawings(value: unknown): SavedDrawings | null {
  if (!isRecord(value) || !isRecord(value.pages)) return null;
  const entries = Object.entries(value.pages);
  if (entries.length > MAX_PAGES) return null;
  const pages: Record<DrawingPageKey, Stroke[]> = {};
  for (const [key, strokes] of entries) {
    if (!isPageKey(key) || !Array.isArray(strokes) || strokes.length > MAX_STROKES_PER_PAGE) return null;
    const parsed = strokes.map(parseStroke);
    if (parsed.some((stroke) => stroke === null)) return null;
    if (parsed.length > 0) pages[key] = parsed as Stroke[];
  }
  return { pages };
}

/** Reads a drawing message from another window or the network; null when it is not one. */
export function parseDrawingMessage(value: unknown): DrawingMessage | null {
  if (!isRecord(value)) return null;
  const { kind, page } = value;
  if (kind === 'all') {
    const drawings = parseSavedDrawings(value.drawings);
    return drawings && { kind, drawings };
  }
  if (!isPageKey(page)) return null;
  switch (kind) {
    case 'stroke': {
      const stroke = parseStroke(value.stroke);
      return stroke && { kind, page, stroke };
    }
    case 'erase':
      return typeof value.id === 'string' && STROKE_ID.test(value.id) ? { kind, page, id: value.id } : null;
    case 'undo':
    case 'clear':
      return { kind, page };
    case 'laser': {
      const point = value.point;
      if (point === null) return { kind, page, point: null };
      if (!isRecord(point) || !isCoordinate(point.x) || !isCoordinate(point.y)) return null;
      return { kind, page, point: { x: point.x, y: point.y } };
    }
    default:
      return null;
  }
}

/** The stroke under a point (slide units), the last drawn first; null when none passes within `radius`. */
export function strokeAt(strokes: readonly Stroke[], x: number, y: number, radius: number): Stroke | null {
  for (let index = strokes.length - 1; index >= 0; index--) {
    const stroke = strokes[index] as Stroke;
    const points = stroke.points;
    for (let at = 0; at < points.length; at++) {
      const [x0, y0] = points[at] as [number, number, number];
      const [x1, y1] = (points[at + 1] ?? points[at]) as [number, number, number];
      if (distanceToSegment(x, y, x0, y0, x1, y1) <= radius) return stroke;
    }
  }
  return null;
}

function distanceToSegment(x: number, y: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}
