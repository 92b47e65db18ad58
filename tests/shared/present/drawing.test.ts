import { describe, expect, it } from 'vitest';
import { parseDrawingMessage, parseSavedDrawings, strokeAt, type Stroke } from '../../../src/shared/present/drawing';

const stroke: Stroke = { id: 'ab-1', tool: 'highlighter', color: '#1565ff', f: 0, points: [[100, 100, 0.5], [300, 100, 0.8]] };

describe('parseDrawingMessage', () => {
  it('reads every kind of message back as it was sent', () => {
    const messages = [
      { kind: 'stroke', page: '3/1', stroke },
      { kind: 'erase', page: '0/0', id: 'ab-1' },
      { kind: 'undo', page: 'whiteboard' },
      { kind: 'clear', page: '0/0' },
      { kind: 'laser', page: '0/0', point: { x: 12.5, y: 40 } },
      { kind: 'laser', page: '0/0', point: null },
      { kind: 'all', drawings: { pages: { '0/0': [stroke] } } },
    ];
    for (const message of messages) expect(parseDrawingMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  it('refuses what is not a message: unknown kinds and pages, bad strokes, ids, colours and points', () => {
    const refused = [
      null,
      'stroke',
      { kind: 'scribble', page: '0/0' },
      { kind: 'undo', page: '../etc' },
      { kind: 'undo', page: '0' },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, tool: 'spray' } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, color: 'url(#x)' } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, id: '<script>' } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, points: [] } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, points: [[1, 2]] } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, points: [[1, Number.NaN, 0.5]] } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, points: [[1, 2, 3]] } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, f: 0.5 } },
      { kind: 'stroke', page: '0/0', stroke: { ...stroke, points: Array.from({ length: 5001 }, () => [1, 1, 0.5]) } },
      { kind: 'laser', page: '0/0', point: { x: 'left', y: 1 } },
      { kind: 'erase', page: '0/0' },
      { kind: 'all', drawings: { pages: { '0/0': 'strokes' } } },
    ];
    for (const value of refused) expect(parseDrawingMessage(value), JSON.stringify(value)?.slice(0, 80)).toBeNull();
  });
});

describe('parseSavedDrawings', () => {
  it('drops empty pages and refuses a file of another shape', () => {
    expect(parseSavedDrawings({ pages: { '0/0': [stroke], '1/0': [] } })).toEqual({ pages: { '0/0': [stroke] } });
    expect(parseSavedDrawings({ pages: [] })).toBeNull();
    expect(parseSavedDrawings({ strokes: [stroke] })).toBeNull();
    expect(parseSavedDrawings({ pages: { '0/0': [{ ...stroke, id: '' }] } })).toBeNull();
  });
});

describe('strokeAt', () => {
  const other: Stroke = { ...stroke, id: 'ab-2', points: [[100, 300, 0.5]] };

  it('finds the stroke passing within the radius, along its segments and not only at its points', () => {
    expect(strokeAt([stroke, other], 200, 110, 15)?.id).toBe('ab-1');
    expect(strokeAt([stroke, other], 105, 295, 15)?.id).toBe('ab-2');
    expect(strokeAt([stroke, other], 200, 200, 15)).toBeNull();
  });

  it('prefers the stroke drawn last where two cross', () => {
    const over: Stroke = { ...stroke, id: 'ab-3', points: [[200, 50, 0.5], [200, 150, 0.5]] };
    expect(strokeAt([stroke, over], 200, 100, 5)?.id).toBe('ab-3');
  });
});
