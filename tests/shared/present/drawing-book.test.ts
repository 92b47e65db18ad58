import { describe, expect, it } from 'vitest';
import type { DrawingMessage, Stroke } from '../../../src/shared/present/drawing';
import { DrawingBook } from '../../../src/shared/present/drawing-book';

function stroke(id: string, f = -1, points: [number, number, number][] = [[10, 10, 0.5], [20, 20, 0.5]]): Stroke {
  return { id, tool: 'pen', color: '#e8132b', f, points };
}

function bookOf(...messages: DrawingMessage[]): DrawingBook {
  const book = new DrawingBook();
  for (const message of messages) book.apply(message);
  return book;
}

const ids = (book: DrawingBook, page: string, f?: number): string[] => book.strokes(page, f).map((drawn) => drawn.id);

describe('DrawingBook', () => {
  describe('when strokes are drawn', () => {
    it('keeps each page’s strokes in drawing order, apart from other pages', () => {
      const book = bookOf(
        { kind: 'stroke', page: '0/0', stroke: stroke('a') },
        { kind: 'stroke', page: '1/0', stroke: stroke('b') },
        { kind: 'stroke', page: '0/0', stroke: stroke('c') },
      );
      expect(ids(book, '0/0')).toEqual(['a', 'c']);
      expect(ids(book, '1/0')).toEqual(['b']);
      expect(ids(book, '2/0')).toEqual([]);
    });

    it('replaces a stroke in flight with its newer version rather than adding it twice', () => {
      const book = bookOf(
        { kind: 'stroke', page: '0/0', stroke: stroke('a', -1, [[1, 1, 0.5]]) },
        { kind: 'stroke', page: '0/0', stroke: stroke('a', -1, [[1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5]]) },
      );
      expect(book.strokes('0/0')).toHaveLength(1);
      expect(book.strokes('0/0')[0]?.points).toHaveLength(3);
      // One undo takes the whole stroke back, however many versions of it arrived.
      book.apply({ kind: 'undo', page: '0/0' });
      expect(ids(book, '0/0')).toEqual([]);
    });

    it('shows a stroke from the fragment step it was drawn at on, not before', () => {
      const book = bookOf({ kind: 'stroke', page: '1/0', stroke: stroke('early', -1) }, { kind: 'stroke', page: '1/0', stroke: stroke('late', 1) });
      expect(ids(book, '1/0', -1)).toEqual(['early']);
      expect(ids(book, '1/0', 0)).toEqual(['early']);
      expect(ids(book, '1/0', 1)).toEqual(['early', 'late']);
      expect(ids(book, '1/0')).toEqual(['early', 'late']);
    });
  });

  describe('undo', () => {
    it('takes back an erase where the stroke was, and a clear with every stroke', () => {
      const book = bookOf(
        { kind: 'stroke', page: '0/0', stroke: stroke('a') },
        { kind: 'stroke', page: '0/0', stroke: stroke('b') },
        { kind: 'stroke', page: '0/0', stroke: stroke('c') },
        { kind: 'erase', page: '0/0', id: 'b' },
      );
      expect(ids(book, '0/0')).toEqual(['a', 'c']);
      book.apply({ kind: 'clear', page: '0/0' });
      expect(ids(book, '0/0')).toEqual([]);
      book.apply({ kind: 'undo', page: '0/0' });
      expect(ids(book, '0/0')).toEqual(['a', 'c']);
      book.apply({ kind: 'undo', page: '0/0' });
      expect(ids(book, '0/0')).toEqual(['a', 'b', 'c']);
      book.apply({ kind: 'undo', page: '0/0' });
      expect(ids(book, '0/0')).toEqual(['a', 'b']);
    });

    it('changes only its own page, and nothing once the page’s history is spent', () => {
      const book = bookOf({ kind: 'stroke', page: '0/0', stroke: stroke('a') }, { kind: 'stroke', page: '1/0', stroke: stroke('b') });
      expect(book.apply({ kind: 'undo', page: '0/0' })).toBe(true);
      expect(ids(book, '1/0')).toEqual(['b']);
      expect(book.canUndo('0/0')).toBe(false);
      expect(book.apply({ kind: 'undo', page: '0/0' })).toBe(false);
    });

    it('does nothing for an erase of a stroke the page does not have, or a clear of an empty page', () => {
      const book = bookOf({ kind: 'stroke', page: '0/0', stroke: stroke('a') });
      expect(book.apply({ kind: 'erase', page: '0/0', id: 'zzz' })).toBe(false);
      expect(book.apply({ kind: 'clear', page: '3/0' })).toBe(false);
      expect(book.apply({ kind: 'laser', page: '0/0', point: { x: 1, y: 1 } })).toBe(false);
      book.apply({ kind: 'undo', page: '0/0' });
      expect(ids(book, '0/0')).toEqual([]);
    });
  });

  describe('saved form', () => {
    it('round-trips through toSaved and an "all" message, without empty pages or history', () => {
      const book = bookOf(
        { kind: 'stroke', page: '0/0', stroke: stroke('a') },
        { kind: 'stroke', page: 'whiteboard', stroke: stroke('w') },
        { kind: 'stroke', page: '2/1', stroke: stroke('gone') },
        { kind: 'clear', page: '2/1' },
      );
      const saved = book.toSaved();
      expect(Object.keys(saved.pages)).toEqual(['0/0', 'whiteboard']);
      const copy = bookOf({ kind: 'all', drawings: saved });
      expect(copy.toSaved()).toEqual(saved);
      expect(copy.canUndo('0/0')).toBe(false);
      // The copy is its own: changing it leaves the saved form as it was.
      copy.apply({ kind: 'clear', page: '0/0' });
      expect(saved.pages['0/0']).toHaveLength(1);
    });
  });
});
