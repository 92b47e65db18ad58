import './drawing.css';
import type { LaserPoint, Stroke } from '../../../shared/present/drawing';
import { strokeShape } from './stroke-path';

const SVG = 'http://www.w3.org/2000/svg';
/** How long the laser's trail lingers: long enough to see the motion, short enough not to smear the slide. */
const TRAIL_MS = 350;
const LASER_RADIUS = 11;

/** What a press (or, for the laser, a hover) on the overlay does; null lets the pointer through to the slide. */
export type OverlayTool = 'pen' | 'highlighter' | 'arrow' | 'eraser' | 'laser';

export interface OverlayInput {
  tool(): OverlayTool | null;
  /** Holding the button down with no tool chosen points the laser (the speaker view's current slide). */
  laserWhileHeld: boolean;
  /** A stroke as it grows, then once more with `done` when the pointer lifts. */
  onStroke(stroke: Omit<Stroke, 'id' | 'color' | 'f'>, done: boolean): void;
  /** The eraser passed over this point (slide units). */
  onErase(x: number, y: number): void;
  onLaser(point: LaserPoint): void;
}

/**
 * The drawings of one slide view: an SVG inside reveal.js's `.slides`, whose viewBox is the deck's
 * size, so strokes scale and move with the slide exactly as its content does; above it, the laser's
 * dot and fading trail. With an input it also turns pointer events (mouse, pen, touch) into
 * strokes, erasing and laser points in slide units.
 */
export class DrawingOverlay {
  readonly svg: SVGSVGElement;
  private readonly board: SVGRectElement;
  private readonly strokes: SVGGElement;
  private readonly laser: SVGGElement;
  private trail: { x: number; y: number; t: number }[] = [];
  private laserOn = false;
  private frame = 0;
  private readonly lifetime = new AbortController();

  constructor(
    slides: HTMLElement,
    private size: { width: number; height: number },
    private readonly input: OverlayInput | null = null,
  ) {
    const document = slides.ownerDocument;
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('podium-drawing');
    this.board = document.createElementNS(SVG, 'rect');
    this.board.classList.add('podium-drawing-board');
    this.strokes = document.createElementNS(SVG, 'g');
    this.laser = document.createElementNS(SVG, 'g');
    this.laser.classList.add('podium-laser');
    this.svg.append(this.board, this.strokes, this.laser);
    this.resize(size);
    // First, not last: reveal.js's isLastSlide() asks whether the slide has a next element sibling,
    // and an overlay after the last slide made decktape (and any tool asking it) print for ever.
    slides.prepend(this.svg);
    if (input) this.listen(input);
  }

  resize(size: { width: number; height: number }): void {
    this.size = size;
    this.svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
    this.board.setAttribute('width', String(size.width));
    this.board.setAttribute('height', String(size.height));
  }

  /** Shows these strokes; on the whiteboard, over a white sheet that hides the slide. */
  render(strokes: readonly Stroke[], whiteboard: boolean): void {
    this.board.style.display = whiteboard ? '' : 'none';
    const paths = strokes.map((stroke) => {
      const shape = strokeShape(stroke);
      const path = this.svg.ownerDocument.createElementNS(SVG, 'path');
      path.setAttribute('d', shape.d);
      path.dataset.stroke = stroke.id;
      path.dataset.tool = stroke.tool;
      path.setAttribute('fill', shape.filled ? stroke.color : 'none');
      if (!shape.filled) {
        path.setAttribute('stroke', stroke.color);
        path.setAttribute('stroke-width', String(shape.width));
        path.setAttribute('stroke-linecap', 'round');
        path.setAttribute('stroke-linejoin', 'round');
      }
      if (shape.opacity < 1) path.setAttribute('opacity', String(shape.opacity));
      return path;
    });
    this.strokes.replaceChildren(...paths);
  }

  /** Moves the laser's dot (its trail fading behind it), or lets the trail fade out when null. */
  showLaser(point: LaserPoint): void {
    this.laserOn = point !== null;
    if (point) this.trail.push({ ...point, t: performance.now() });
    this.paintLaser();
  }

  /** Whether pointer events reach the overlay (drawing, laser) or pass through to the slide. */
  refreshPointer(): void {
    const input = this.input;
    const active = input !== null && (input.tool() !== null || input.laserWhileHeld);
    this.svg.classList.toggle('podium-drawing-active', active);
    this.svg.dataset.tool = input?.tool() ?? '';
  }

  destroy(): void {
    this.lifetime.abort();
    cancelAnimationFrame(this.frame);
    this.svg.remove();
  }

  private paintLaser(): void {
    cancelAnimationFrame(this.frame);
    const now = performance.now();
    // The trail fades; the dot itself stays where the pointer rests until the laser goes off.
    const dot = this.laserOn ? this.trail.at(-1) : undefined;
    this.trail = this.trail.filter((point) => point === dot || now - point.t < TRAIL_MS);
    const document = this.svg.ownerDocument;
    const dots = this.trail.map((point, index) => {
      const last = index === this.trail.length - 1 && this.laserOn;
      const circle = document.createElementNS(SVG, 'circle');
      circle.setAttribute('cx', point.x.toFixed(1));
      circle.setAttribute('cy', point.y.toFixed(1));
      const fade = Math.max(0, 1 - (now - point.t) / TRAIL_MS);
      circle.setAttribute('r', String(last ? LASER_RADIUS : LASER_RADIUS * (0.3 + 0.5 * fade)));
      circle.setAttribute('opacity', String(last ? 1 : 0.6 * fade));
      if (last) circle.classList.add('podium-laser-dot');
      return circle;
    });
    this.laser.replaceChildren(...dots);
    if (this.trail.some((point) => point !== dot)) this.frame = requestAnimationFrame(() => this.paintLaser());
  }

  private toSlide(event: PointerEvent): [number, number, number] {
    const box = this.svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * this.size.width;
    const y = ((event.clientY - box.top) / box.height) * this.size.height;
    // A mouse reports 0.5 while pressed; a pen or a touch screen its real pressure, when it has one.
    const pressure = event.pointerType === 'mouse' || event.pressure === 0 ? 0.5 : event.pressure;
    return [x, y, Math.min(1, Math.max(0, pressure))];
  }

  private listen(input: OverlayInput): void {
    const options = { signal: this.lifetime.signal };
    let drawing: { tool: 'pen' | 'highlighter' | 'arrow'; points: [number, number, number][] } | null = null;
    let pressed: OverlayTool | null = null;
    this.svg.addEventListener('pointerdown', (event) => {
      const tool = input.tool() ?? (input.laserWhileHeld ? 'laser' : null);
      if (tool === null || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation();
      // Moves outside the slide still belong to the stroke; a pointer the browser does not know
      // as active (an event a script made) cannot be captured, and draws all the same.
      try {
        this.svg.setPointerCapture(event.pointerId);
      } catch {
        // drawn without capture
      }
      pressed = tool;
      const point = this.toSlide(event);
      if (tool === 'eraser') input.onErase(point[0], point[1]);
      else if (tool === 'laser') input.onLaser({ x: point[0], y: point[1] });
      else {
        drawing = { tool, points: [point] };
        input.onStroke({ tool, points: drawing.points }, false);
      }
    }, options);
    this.svg.addEventListener('pointermove', (event) => {
      const tool = pressed ?? input.tool();
      if (tool === null) return;
      // reveal.js reads a touch's moves as a swipe to the next slide: a stroke is not one.
      if (pressed !== null) event.stopPropagation();
      const point = this.toSlide(event);
      if (tool === 'laser') {
        input.onLaser({ x: point[0], y: point[1] });
        return;
      }
      if (pressed === null) return;
      if (tool === 'eraser') {
        input.onErase(point[0], point[1]);
        return;
      }
      if (!drawing) return;
      // Every coalesced sample of a fast pen stroke, not only the one the frame delivers.
      const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
      for (const sample of samples.length > 0 ? samples : [event]) {
        const next = this.toSlide(sample);
        if (drawing.tool === 'arrow') drawing.points = [drawing.points[0] as [number, number, number], next];
        else drawing.points.push(next);
      }
      input.onStroke({ tool: drawing.tool, points: drawing.points }, false);
    }, options);
    const lift = (event: PointerEvent): void => {
      if (pressed !== null) event.stopPropagation();
      if (drawing) input.onStroke({ tool: drawing.tool, points: drawing.points }, true);
      // A laser held down goes off on release; one chosen with L stays on the hover.
      if (pressed === 'laser' && input.tool() !== 'laser') input.onLaser(null);
      drawing = null;
      pressed = null;
    };
    this.svg.addEventListener('pointerup', lift, options);
    this.svg.addEventListener('pointercancel', lift, options);
    this.svg.addEventListener('pointerleave', () => {
      if (pressed === null && input.tool() === 'laser') input.onLaser(null);
    }, options);
  }
}
