import type { IncomingMessage } from 'node:http';
import { HTTP_ROUTES } from '../../shared/api';
import { parseDrawingMessage, parseSavedDrawings, type DrawingMessage } from '../../shared/present/drawing';
import { DrawingBook } from '../../shared/present/drawing-book';
import { readDrawings, writeDrawings } from '../present/drawings-file';
import { explainWriteFailure } from '../fs/write-failure';
import { errorBody } from './error-body';
import { readBody } from './read-body';
import { writeRefusal, type ServeRole } from './write-guard';

export interface DrawingReply {
  status: number;
  body: string;
}

/** One stroke of a few thousand points is well below this; a whole deck's drawings below the other. */
const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_SAVED_BYTES = 16 * 1024 * 1024;
/** The name of the follower stream's drawing events. */
export const DRAWING_EVENT = 'drawing';

const error = (status: number, message: string): DrawingReply => ({ status, body: errorBody(message) });

/**
 * Serve mode's drawings: the presenter's windows POST each drawing message (a stroke, an undo, the
 * laser) to `/api/drawing`, which passes it on to every follower; `/api/drawings` reads what the
 * talk has drawn so far (GET) and saves it beside the deck (POST). Writes need the presenter's
 * token and a page of this server (its Origin). The server keeps its own book of the drawings, first
 * read from the deck's saved ones, so that a window or follower that joins mid-talk sees them.
 */
export class DrawingHub {
  private readonly book = new DrawingBook();
  /** Where the laser rests, if it is on: a follower that joins then sees the dot the room sees. */
  private laser: Extract<DrawingMessage, { kind: 'laser' }> | null = null;

  constructor(private readonly broadcast: (message: DrawingMessage) => void) {}

  /** Starts the book from the deck's saved drawings; a damaged file leaves it empty (the talk goes on). */
  async load(root: string): Promise<void> {
    const saved = await readDrawings(root).catch(() => null);
    if (saved) this.book.apply({ kind: 'all', drawings: saved });
  }

  /** The phone remote's laser: passed on, and remembered where it rests as the presenter's is. */
  pointLaser(message: Extract<DrawingMessage, { kind: 'laser' }>): void {
    this.laser = message.point ? message : null;
    this.broadcast(message);
  }

  /** The event a joining follower is sent: every page so far. */
  greeting(): string {
    const messages: DrawingMessage[] = [{ kind: 'all', drawings: this.book.toSaved() }, ...(this.laser ? [this.laser] : [])];
    return messages.map((message) => `event: ${DRAWING_EVENT}\ndata: ${JSON.stringify(message)}\n\n`).join('');
  }

  handles(pathname: string): boolean {
    return pathname === HTTP_ROUTES.drawing || pathname === HTTP_ROUTES.drawings;
  }

  async handle(request: IncomingMessage, pathname: string, root: string, role: ServeRole): Promise<DrawingReply> {
    if (pathname === HTTP_ROUTES.drawings && request.method === 'GET') {
      if (role !== 'presenter') return error(403, 'a follower is sent the drawings on its event stream');
      return { status: 200, body: JSON.stringify(this.book.toSaved()) };
    }
    if (request.method !== 'POST') return error(405, 'post drawings here');
    const refusal = writeRefusal(request, role, pathname === HTTP_ROUTES.drawing ? 'draw' : 'save drawings');
    if (refusal) return error(403, refusal);
    const body = await readBody(request, pathname === HTTP_ROUTES.drawing ? MAX_MESSAGE_BYTES : MAX_SAVED_BYTES);
    if (body === null) return error(413, 'too large for drawings');
    let value: unknown = null;
    try {
      value = JSON.parse(body);
    } catch {
      value = null;
    }
    if (pathname === HTTP_ROUTES.drawing) {
      const message = parseDrawingMessage(value);
      if (message === null) return error(400, 'not a drawing message');
      this.book.apply(message);
      if (message.kind === 'laser') this.laser = message.point ? message : null;
      // Undo takes back a page's last change as the book that saw it happen knows it; a follower
      // that joined after that change was sent the page as it stood, without its history, and would
      // undo nothing. Followers are sent the page's result instead: every page, as a joining one is.
      this.broadcast(message.kind === 'undo' ? { kind: 'all', drawings: this.book.toSaved() } : message);
      return { status: 204, body: '' };
    }
    const drawings = parseSavedDrawings(value);
    if (drawings === null) return error(400, 'expected {"pages": {"h/v": [strokes]}}');
    try {
      await writeDrawings(root, drawings);
    } catch (failure) {
      return error(500, `the drawings were not saved: ${explainWriteFailure(failure)}`);
    }
    return { status: 204, body: '' };
  }
}
