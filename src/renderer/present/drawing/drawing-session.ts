import type { DeckApi } from '../../../shared/api';
import {
  DRAWING_COLOURS,
  slidePageKey,
  strokeAt,
  WHITEBOARD_PAGE,
  type DrawingMessage,
  type DrawingPageKey,
  type DrawingTool,
  type LaserPoint,
  type Stroke,
} from '../../../shared/present/drawing';
import { DrawingBook } from '../../../shared/present/drawing-book';
import type { PresenterState } from '../../../shared/present/presenter-state';
import { DrawingOverlay, type OverlayTool } from './drawing-overlay';
import type { KeyHelpLine } from '../presentation-keys';

type DrawingApi = Pick<DeckApi, 'sendDrawing' | 'onDrawing' | 'saveDrawings'>;

/** A stroke in flight is sent at most this often (30 a second), and once more when it is done. */
const STROKE_INTERVAL_MS = 33;
/** The laser is sent at most this often (125 a second): a mouse at 60 moves a second is rarely held back a frame. */
const LASER_INTERVAL_MS = 8;
/** How near (slide units) the eraser must pass to a stroke to take it away. */
const ERASER_RADIUS = 18;

export type DrawingAction = OverlayTool | 'draw' | 'undo' | 'clear' | `colour-${number}`;

/** The drawing keys, with their line in the presentation's `?` help; the speaker view takes the same. */
export const DRAWING_KEYS: readonly { key: string; keyCode: number; action: DrawingAction; description?: string; helpKeys?: string }[] = [
  { key: 'D', keyCode: 68, action: 'draw', description: 'Draw on the slide with the pen (D again to stop)' },
  { key: 'M', keyCode: 77, action: 'highlighter', description: 'Drawing: highlighter (marker)' },
  { key: 'A', keyCode: 65, action: 'arrow', description: 'Drawing: arrow' },
  { key: 'E', keyCode: 69, action: 'eraser', description: 'Drawing: eraser' },
  { key: 'Z', keyCode: 90, action: 'undo', description: 'Undo the last drawing change on this slide' },
  { key: 'C', keyCode: 67, action: 'clear', description: 'Clear the drawings of this slide' },
  { key: 'L', keyCode: 76, action: 'laser', description: 'Laser pointer (L again to stop)' },
  ...DRAWING_COLOURS.map((_, index) => ({
    key: String(index + 1),
    keyCode: 49 + index,
    action: `colour-${index}` as const,
    // One line for the six: "1 – 6".
    ...(index === 0 ? { helpKeys: `1 – ${DRAWING_COLOURS.length}`, description: 'Pen colour: red, blue, green, yellow, black, white' } : {}),
  })),
];

/** The drawing keys' lines in a `?` help. */
export const DRAWING_KEY_LINES: readonly KeyHelpLine[] = DRAWING_KEYS.flatMap(({ key, helpKeys, description }) =>
  description ? [{ keys: helpKeys ?? key, action: description }] : [],
);

/**
 * The drawings and the laser of one window of the talk: the book of every page's strokes, kept in
 * step with the other windows through the DeckApi, the overlays that show the current page, and
 * (where `drives`) the tools, keys and pointer input that draw. The page follows the presenter:
 * each slide (and the whiteboard) has its own, and a stroke shows from the fragment step it was
 * drawn at on.
 */
export class DrawingSession {
  private readonly book = new DrawingBook();
  private readonly overlays: DrawingOverlay[] = [];
  private page: DrawingPageKey = slidePageKey(0, 0);
  private f = -1;
  private tool: OverlayTool | null = null;
  /** The whiteboard picked up the pen on its own: leaving it puts the pen down again. */
  private penForWhiteboard = false;
  private drawTool: DrawingTool | 'eraser' = 'pen';
  private colour: string = DRAWING_COLOURS[0];
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private strokeCount = 0;
  private inFlight: Stroke | null = null;
  private readonly throttles = new Map<string, { last: number; timer: ReturnType<typeof setTimeout> | undefined; pending: DrawingMessage | null }>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: DrawingApi,
    private readonly options: { drives: boolean },
  ) {
    this.unsubscribe = api.onDrawing((message) => this.receive(message));
  }

  /** Shows the drawings over one slide view (`.slides`); `input` draws with the pointer there. */
  attach(slides: HTMLElement, size: { width: number; height: number }, input: { laserWhileHeld: boolean } | null): DrawingOverlay {
    const overlay = new DrawingOverlay(
      slides,
      size,
      input && this.options.drives
        ? {
            tool: () => this.tool,
            laserWhileHeld: input.laserWhileHeld,
            onStroke: (stroke, done) => this.drawStroke(stroke, done),
            onErase: (x, y) => this.erase(x, y),
            onLaser: (point) => this.pointLaser(point),
          }
        : null,
    );
    this.overlays.push(overlay);
    overlay.refreshPointer();
    this.renderOverlay(overlay);
    return overlay;
  }

  /** Follows the presenter to a slide, a fragment step or the whiteboard. */
  show(state: PresenterState): void {
    const page = state.screen === 'white' ? WHITEBOARD_PAGE : slidePageKey(state.h, state.v);
    const f = page === WHITEBOARD_PAGE ? -1 : state.f;
    if (page === this.page && f === this.f) return;
    if (page !== this.page && this.tool === 'laser') this.pointLaser(null);
    const enteringWhiteboard = page === WHITEBOARD_PAGE && this.page !== WHITEBOARD_PAGE;
    const leavingWhiteboard = page !== WHITEBOARD_PAGE && this.page === WHITEBOARD_PAGE;
    this.page = page;
    this.f = f;
    // A whiteboard is there to be drawn on (as reveal.js's chalkboard): W picks up the pen when
    // no tool is in hand, and puts it down on the way back to the slides.
    if (this.options.drives && enteringWhiteboard && this.tool === null) {
      this.setTool(this.drawTool);
      this.penForWhiteboard = true;
      this.changed();
    } else if (leavingWhiteboard && this.penForWhiteboard) {
      this.setTool(null);
      this.changed();
    }
    this.render();
  }

  /** A drawing key's action; false when `key` is not one (or, for a colour, drawing is off). */
  handleKey(key: string): boolean {
    const binding = DRAWING_KEYS.find((candidate) => candidate.key.toLowerCase() === key.toLowerCase());
    if (!binding || !this.options.drives) return false;
    return this.act(binding.action);
  }

  /** Runs one action of the keys or the speaker view's buttons; false when it did nothing. */
  act(action: DrawingAction): boolean {
    if (action === 'undo' || action === 'clear') {
      this.send({ kind: action, page: this.page });
    } else if (action === 'draw') {
      this.setTool(this.tool !== null && this.tool !== 'laser' ? null : this.drawTool);
    } else if (action === 'laser') {
      this.setTool(this.tool === 'laser' ? null : 'laser');
      if (this.tool !== 'laser') this.pointLaser(null);
    } else if (isColourAction(action)) {
      const colour = DRAWING_COLOURS[Number(action.slice('colour-'.length))];
      if (!colour || this.tool === null || this.tool === 'laser') return false;
      this.colour = colour;
      if (this.tool === 'eraser') this.setTool((this.drawTool = 'pen'));
    } else {
      this.drawTool = action;
      this.setTool(this.tool === action ? null : action);
    }
    this.changed();
    return true;
  }

  get status(): { tool: OverlayTool | null; colour: string; canUndo: boolean } {
    return { tool: this.tool, colour: this.colour, canUndo: this.book.canUndo(this.page) };
  }

  /** Called after each change of tool, colour or drawings. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves every page beside the deck; a failure is thrown, and the drawings stay as they are. */
  save(): Promise<void> {
    return this.api.saveDrawings(this.book.toSaved());
  }

  destroy(): void {
    this.unsubscribe();
    for (const throttle of this.throttles.values()) clearTimeout(throttle.timer);
    for (const overlay of this.overlays.splice(0)) overlay.destroy();
    this.listeners.clear();
  }

  private setTool(tool: OverlayTool | null): void {
    // A tool chosen on the whiteboard stays in hand when the presenter leaves it.
    if (tool !== this.tool) this.penForWhiteboard = false;
    this.tool = tool;
    for (const overlay of this.overlays) overlay.refreshPointer();
  }

  private drawStroke(shape: Pick<Stroke, 'tool' | 'points'>, done: boolean): void {
    if (!this.inFlight) this.inFlight = { id: `${this.idPrefix}-${++this.strokeCount}`, color: this.colour, f: this.f, tool: shape.tool, points: [] };
    const stroke: Stroke = { ...this.inFlight, points: shape.points.map((point) => [...point]) };
    if (done) this.inFlight = null;
    this.book.apply({ kind: 'stroke', page: this.page, stroke });
    this.render();
    this.sendThrottled(`stroke:${stroke.id}`, { kind: 'stroke', page: this.page, stroke }, done ? 0 : STROKE_INTERVAL_MS);
  }

  private erase(x: number, y: number): void {
    const stroke = strokeAt(this.book.strokes(this.page, this.f), x, y, ERASER_RADIUS);
    if (stroke) this.send({ kind: 'erase', page: this.page, id: stroke.id });
  }

  private pointLaser(point: LaserPoint): void {
    this.showLaser(this.page, point);
    this.sendThrottled('laser', { kind: 'laser', page: this.page, point }, point === null ? 0 : LASER_INTERVAL_MS);
  }

  /** Applies a message here, then tells the others. */
  private send(message: DrawingMessage): void {
    if (this.book.apply(message)) this.render();
    this.api.sendDrawing(message);
    this.changed();
  }

  /**
   * Sends at most one message per `interval` for one stream (the laser, a stroke in flight); the
   * latest waits for the next slot and replaces any older one still waiting. An interval of 0
   * sends now, and anything waiting of that stream is dropped as outdated.
   */
  private sendThrottled(stream: string, message: DrawingMessage, interval: number): void {
    let throttle = this.throttles.get(stream);
    if (!throttle) {
      throttle = { last: -Infinity, timer: undefined, pending: null };
      this.throttles.set(stream, throttle);
    }
    const now = performance.now();
    const wait = throttle.last + interval - now;
    if (wait <= 0) {
      clearTimeout(throttle.timer);
      throttle.timer = undefined;
      throttle.pending = null;
      throttle.last = now;
      this.api.sendDrawing(message);
      if (interval === 0) this.throttles.delete(stream);
      return;
    }
    throttle.pending = message;
    if (throttle.timer !== undefined) return;
    const waiting = throttle;
    waiting.timer = setTimeout(() => {
      waiting.timer = undefined;
      if (waiting.pending) {
        waiting.last = performance.now();
        this.api.sendDrawing(waiting.pending);
        waiting.pending = null;
      }
    }, wait);
  }

  private receive(message: DrawingMessage): void {
    if (message.kind === 'laser') {
      this.showLaser(message.page, message.point);
      return;
    }
    if (this.book.apply(message)) {
      this.render();
      this.changed();
    }
  }

  private showLaser(page: DrawingPageKey, point: LaserPoint): void {
    for (const overlay of this.overlays) overlay.showLaser(page === this.page ? point : null);
  }

  private render(): void {
    for (const overlay of this.overlays) this.renderOverlay(overlay);
  }

  private renderOverlay(overlay: DrawingOverlay): void {
    overlay.render(this.book.strokes(this.page, this.f), this.page === WHITEBOARD_PAGE);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function isColourAction(action: DrawingAction): action is `colour-${number}` {
  return action.startsWith('colour-');
}
