import { DRAWING_COLOURS } from '../../shared/present/drawing';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';
import type { DrawingAction, DrawingSession } from '../present/drawing/drawing-session';
import './drawing-toolbar.css';

const TOOLS: { action: DrawingAction; label: string; title: string }[] = [
  { action: 'draw', label: 'Pen', title: 'Draw on the slide (D); again to stop' },
  { action: 'highlighter', label: 'Marker', title: 'Highlighter (M)' },
  { action: 'arrow', label: 'Arrow', title: 'Arrow (A)' },
  { action: 'eraser', label: 'Eraser', title: 'Eraser (E)' },
  { action: 'laser', label: 'Laser', title: 'Laser pointer (L); or hold the mouse button on the slide' },
];
const COLOUR_NAMES = ['red', 'blue', 'green', 'yellow', 'black', 'white'];

/**
 * The speaker view's drawing tools under its current slide: pen, highlighter, arrow, eraser and
 * laser, the colours, undo, clear and "Save drawings", which says when a save failed (the
 * drawings stay on screen either way).
 */
export function buildDrawingToolbar(session: DrawingSession, signal: AbortSignal): HTMLElement {
  const toolButtons = TOOLS.map(({ action, label, title }) =>
    h('button', { type: 'button', title, className: 'speaker-draw-tool', dataset: { action }, signal, on: { click: () => void session.act(action) } }, label),
  );
  const colourButtons = DRAWING_COLOURS.map((colour, index) =>
    h('button', {
      type: 'button',
      title: `${COLOUR_NAMES[index] ?? colour} (${index + 1})`,
      className: 'speaker-draw-colour',
      style: { backgroundColor: colour },
      attrs: { 'aria-label': `Pen colour ${COLOUR_NAMES[index] ?? colour}` },
      signal,
      on: {
        click: () => {
          if (session.status.tool === null) session.act('draw');
          session.act(`colour-${index}`);
        },
      },
    }),
  );
  const undo = h('button', { type: 'button', title: 'Undo the last drawing change on this slide (Z)', className: 'speaker-draw-undo', signal, on: { click: () => void session.act('undo') } }, 'Undo');
  const clear = h('button', { type: 'button', title: 'Clear the drawings of this slide (C)', className: 'speaker-draw-clear', signal, on: { click: () => void session.act('clear') } }, 'Clear');
  const status = h('span', { className: 'speaker-draw-status', attrs: { role: 'status' } });
  const save = h('button', { type: 'button', title: 'Save every drawing beside the deck (.podium/drawings.json)', className: 'speaker-draw-save', signal }, 'Save drawings');
  save.addEventListener('click', () => {
    save.disabled = true;
    status.textContent = 'Saving…';
    status.classList.remove('failed');
    session.save().then(
      () => {
        status.textContent = 'Drawings saved';
      },
      (error: unknown) => {
        status.textContent = `Drawings not saved: ${messageOf(error)}`;
        status.classList.add('failed');
      },
    ).finally(() => {
      save.disabled = false;
    });
  }, { signal });

  const refresh = (): void => {
    const { tool, colour, canUndo } = session.status;
    for (const button of toolButtons) {
      const action = button.dataset.action;
      const pressed = action === 'draw' ? tool === 'pen' : action === tool;
      button.setAttribute('aria-pressed', String(pressed));
    }
    for (const [index, button] of colourButtons.entries()) button.setAttribute('aria-pressed', String(tool !== null && tool !== 'laser' && DRAWING_COLOURS[index] === colour));
    undo.disabled = !canUndo;
  };
  const unsubscribe = session.onChange(refresh);
  signal.addEventListener('abort', unsubscribe);
  refresh();
  return h('div', { className: 'speaker-draw-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Drawing' } }, ...toolButtons, ...colourButtons, undo, clear, save, status);
}
