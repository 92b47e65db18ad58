import { h } from '../dom';
import { sideBySide, type DiffCell, type DiffRow } from '../../shared/edit/side-by-side';

export interface CompareAction {
  label: string;
  run: () => void | Promise<void>;
}

/**
 * A file changed on disk under unsaved edits: yours and theirs side by side, with line numbers and
 * the changed lines marked, and the choices (Keep mine, Take theirs, Cancel) in a bar that stays in
 * view however long the files are. Escape cancels; focus starts on the first choice.
 */
export function showCompare(file: string, mine: string, theirs: string, actions: readonly CompareAction[]): void {
  const previousFocus = document.activeElement as HTMLElement | null;
  const rows = sideBySide(mine, theirs);
  const changed = rows.filter((row) => row.kind !== 'same').length;
  const backdrop = h('div', { className: 'podium-compare-backdrop' });
  const close = (): void => {
    backdrop.remove();
    panel.remove();
    previousFocus?.focus();
  };
  const buttons = [...actions, { label: 'Cancel', run: () => undefined }].map((action, index) =>
    h(
      'button',
      {
        type: 'button',
        className: index === 0 ? 'primary' : '',
        on: {
          click: () => {
            close();
            void action.run();
          },
        },
      },
      action.label,
    ),
  );
  const bar = h(
    'div',
    { className: 'podium-compare-bar' },
    h('h2', { id: 'podium-compare-title' }, `${file}: ${changed} line${changed === 1 ? '' : 's'} differ`),
    ...buttons,
  );

  const table = h('table', { className: 'podium-diff' });
  table.createTHead().insertRow().append(...['', 'Yours (unsaved)', '', 'On disk'].map((label) => h('th', { scope: 'col' }, label)));
  table.createTBody().append(...rows.map(diffRow));

  const panel = h(
    'div',
    {
      className: 'podium-compare',
      attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'podium-compare-title' },
      on: {
        keydown: (event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          close();
        },
      },
    },
    bar,
    h('div', { className: 'podium-compare-body' }, table),
  );
  document.body.append(backdrop, panel);
  buttons[0]?.focus();
}

function diffRow(row: DiffRow): HTMLTableRowElement {
  const changed = row.kind !== 'same';
  return h('tr', { dataset: { kind: row.kind } }, ...diffCells(row.mine, changed && 'mine'), ...diffCells(row.theirs, changed && 'theirs'));
}

function diffCells(cell: DiffCell | null, side: 'mine' | 'theirs' | false): HTMLTableCellElement[] {
  return [
    h('td', { className: 'podium-diff-number' }, cell ? String(cell.line) : ''),
    h('td', { className: cell ? `podium-diff-text${side ? ` podium-diff-${side}` : ''}` : 'podium-diff-gap' }, cell?.text ?? ''),
  ];
}
