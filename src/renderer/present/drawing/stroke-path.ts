import { getStroke } from 'perfect-freehand';
import type { Stroke } from '../../../shared/present/drawing';

/** Pen and highlighter widths in slide units (a 1920-wide slide): readable from the back of a hall. */
const PEN_SIZE = 6;
const HIGHLIGHTER_SIZE = 28;
const ARROW_WIDTH = 6;
const ARROW_HEAD = 28;

/** How a stroke is drawn: an SVG path and whether it is filled (a freehand outline) or stroked (an arrow). */
export interface StrokeShape {
  d: string;
  filled: boolean;
  opacity: number;
  width: number;
}

/**
 * The shape of a stroke: perfect-freehand's outline of its points (pressure from the device, the
 * pen thinning where it is lighter), or a straight arrow from its first point to its last.
 */
export function strokeShape(stroke: Stroke): StrokeShape {
  if (stroke.tool === 'arrow') return { d: arrowPath(stroke), filled: false, opacity: 1, width: ARROW_WIDTH };
  const highlighter = stroke.tool === 'highlighter';
  const outline = getStroke(stroke.points, {
    size: highlighter ? HIGHLIGHTER_SIZE : PEN_SIZE,
    // A highlighter is a flat marker; a pen follows the device's pressure.
    thinning: highlighter ? 0 : 0.6,
    smoothing: 0.5,
    streamline: 0.5,
    simulatePressure: false,
    last: true,
  });
  return { d: outlinePath(outline), filled: true, opacity: highlighter ? 0.4 : 1, width: 0 };
}

/** perfect-freehand's outline as a closed path of quadratic curves through its midpoints (its README's way). */
function outlinePath(points: number[][]): string {
  if (points.length === 0) return '';
  const first = points[0] as number[];
  const parts = [`M${round(first[0])},${round(first[1])}Q`];
  for (let index = 0; index < points.length; index++) {
    const [x0, y0] = points[index] as number[];
    const [x1, y1] = points[(index + 1) % points.length] as number[];
    parts.push(`${round(x0)},${round(y0)} ${round(((x0 as number) + (x1 as number)) / 2)},${round(((y0 as number) + (y1 as number)) / 2)} `);
  }
  return parts.join('') + 'Z';
}

function arrowPath(stroke: Stroke): string {
  const [x0, y0] = stroke.points[0] as [number, number, number];
  const [x1, y1] = stroke.points[stroke.points.length - 1] as [number, number, number];
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = (turn: number): string =>
    `${round(x1 - ARROW_HEAD * Math.cos(angle + turn))},${round(y1 - ARROW_HEAD * Math.sin(angle + turn))}`;
  return `M${round(x0)},${round(y0)}L${round(x1)},${round(y1)}M${head(Math.PI / 6)}L${round(x1)},${round(y1)}L${head(-Math.PI / 6)}`;
}

function round(value: number | undefined): string {
  return (value ?? 0).toFixed(1);
}
