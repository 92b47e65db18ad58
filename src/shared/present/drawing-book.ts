import type { DrawingMessage, DrawingPageKey, SavedDrawings, Stroke } from './drawing';

/** What undo takes back on a page: a stroke added, a stroke erased (and where it was), a clear. */
type PageChange = { kind: 'added'; id: string } | { kind: 'erased'; stroke: Stroke; index: number } | { kind: 'cleared'; strokes: Stroke[] };

interface Page {
  strokes: Stroke[];
  history: PageChange[];
}

/** Undo reaches this many changes back on a page; older ones stay drawn for good. */
const MAX_HISTORY = 200;

/**
 * Every page's drawings in one window of the talk (and on the server, for followers that join).
 * Each window applies the same messages in the same order and so holds the same book; undo is a
 * message too, and takes back the page's last change whoever made it.
 */
export class DrawingBook {
  private readonly pages = new Map<DrawingPageKey, Page>();

  /** Applies one message; true when a page's strokes changed (a laser message changes none). */
  apply(message: DrawingMessage): boolean {
    switch (message.kind) {
      case 'stroke':
        return this.putStroke(message.page, message.stroke);
      case 'erase':
        return this.erase(message.page, message.id);
      case 'undo':
        return this.undo(message.page);
      case 'clear':
        return this.clear(message.page);
      case 'all':
        this.replaceAll(message.drawings);
        return true;
      case 'laser':
        return false;
    }
  }

  /** The page's strokes in drawing order; at fragment step `f`, only those drawn at or before it. */
  strokes(page: DrawingPageKey, f = Number.POSITIVE_INFINITY): readonly Stroke[] {
    const strokes = this.pages.get(page)?.strokes ?? [];
    return strokes.filter((stroke) => stroke.f <= f);
  }

  canUndo(page: DrawingPageKey): boolean {
    return (this.pages.get(page)?.history.length ?? 0) > 0;
  }

  toSaved(): SavedDrawings {
    const pages: SavedDrawings['pages'] = {};
    for (const [key, page] of this.pages) if (page.strokes.length > 0) pages[key] = page.strokes.map((stroke) => ({ ...stroke }));
    return { pages };
  }

  private page(key: DrawingPageKey): Page {
    let page = this.pages.get(key);
    if (!page) {
      page = { strokes: [], history: [] };
      this.pages.set(key, page);
    }
    return page;
  }

  private remember(page: Page, change: PageChange): void {
    page.history.push(change);
    if (page.history.length > MAX_HISTORY) page.history.shift();
  }

  private putStroke(key: DrawingPageKey, stroke: Stroke): boolean {
    const page = this.page(key);
    const index = page.strokes.findIndex((candidate) => candidate.id === stroke.id);
    if (index >= 0) {
      page.strokes[index] = stroke;
      return true;
    }
    page.strokes.push(stroke);
    this.remember(page, { kind: 'added', id: stroke.id });
    return true;
  }

  private erase(key: DrawingPageKey, id: string): boolean {
    const page = this.pages.get(key);
    const index = page?.strokes.findIndex((stroke) => stroke.id === id) ?? -1;
    if (!page || index < 0) return false;
    const [stroke] = page.strokes.splice(index, 1);
    this.remember(page, { kind: 'erased', stroke: stroke as Stroke, index });
    return true;
  }

  private clear(key: DrawingPageKey): boolean {
    const page = this.pages.get(key);
    if (!page || page.strokes.length === 0) return false;
    this.remember(page, { kind: 'cleared', strokes: page.strokes });
    page.strokes = [];
    return true;
  }

  private undo(key: DrawingPageKey): boolean {
    const page = this.pages.get(key);
    const change = page?.history.pop();
    if (!page || !change) return false;
    if (change.kind === 'added') page.strokes = page.strokes.filter((stroke) => stroke.id !== change.id);
    else if (change.kind === 'erased') page.strokes.splice(Math.min(change.index, page.strokes.length), 0, change.stroke);
    else page.strokes = [...change.strokes, ...page.strokes];
    return true;
  }

  private replaceAll(drawings: SavedDrawings): void {
    this.pages.clear();
    for (const [key, strokes] of Object.entries(drawings.pages)) this.pages.set(key, { strokes: strokes.map((stroke) => ({ ...stroke })), history: [] });
  }
}
