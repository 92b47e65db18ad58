import { diffLines } from 'diff';

/** One side of a row: a line of one text, with its 1-based number, or nothing opposite a change. */
export interface DiffCell {
  line: number;
  text: string;
}

export interface DiffRow {
  kind: 'same' | 'changed' | 'mine-only' | 'theirs-only';
  mine: DiffCell | null;
  theirs: DiffCell | null;
}

/**
 * Two versions of a file as the rows of a side-by-side diff (jsdiff's line diff): lines both have
 * face each other; a run of lines replaced by another is paired line by line, and what is left of
 * the longer run faces a gap.
 */
export function sideBySide(mine: string, theirs: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let mineLine = 1;
  let theirsLine = 1;
  let removed: string[] = [];
  const flush = (added: string[]): void => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const left = removed[index];
      const right = added[index];
      rows.push({
        kind: left !== undefined && right !== undefined ? 'changed' : left !== undefined ? 'mine-only' : 'theirs-only',
        mine: left === undefined ? null : { line: mineLine++, text: left },
        theirs: right === undefined ? null : { line: theirsLine++, text: right },
      });
    }
    removed = [];
  };
  for (const change of diffLines(mine, theirs, { ignoreNewlineAtEof: true })) {
    const lines = splitLines(change.value);
    if (change.removed) {
      removed.push(...lines);
    } else if (change.added) {
      flush(lines);
    } else {
      flush([]);
      for (const text of lines) rows.push({ kind: 'same', mine: { line: mineLine++, text }, theirs: { line: theirsLine++, text } });
    }
  }
  flush([]);
  return rows;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
