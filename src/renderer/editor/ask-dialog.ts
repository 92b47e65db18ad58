import '../styles/modal-dialog.css';
import './ask-dialog.css';
import { h } from '../dom';

// Electron never shows window.prompt (it returns null at once) and its confirm/alert differ from a
// browser's, so the edit view asks through a page-made modal <dialog> of its own, the same in the app
// and in serve mode. showModal() makes the rest of the page inert, which keeps focus inside it; the
// dialog's form submits on Enter, and Escape fires `cancel`.

let dialogCount = 0;

interface AskOptions {
  readonly title: string;
  readonly confirmLabel: string;
  /** When given, the dialog asks for a line of text starting with this value. */
  readonly initialText?: string;
}

function ask(options: AskOptions): Promise<string | null> {
  const id = `podium-ask-title-${++dialogCount}`;
  const input =
    options.initialText === undefined ? null : h('input', { type: 'text', value: options.initialText, attrs: { 'aria-labelledby': id } });
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const confirm = h('button', { type: 'submit', className: 'podium-ask-confirm' }, options.confirmLabel);
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { id }, options.title),
    input,
    h('div', { className: 'podium-modal-buttons podium-ask-buttons' }, cancel, confirm),
  );
  const dialog = h('dialog', { className: 'podium-modal podium-ask', attrs: { 'aria-labelledby': id } }, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: string | null = null;
    form.addEventListener('submit', () => {
      answer = input ? input.value : '';
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    if (input) {
      input.focus();
      input.select();
    } else {
      confirm.focus();
    }
  });
}

/** Asks for a line of text: the text, or null when the person cancels (Escape or Cancel). */
export function askForText(title: string, initialText: string, confirmLabel = 'OK'): Promise<string | null> {
  return ask({ title, initialText, confirmLabel });
}

/** Asks yes or no: true only when the person confirms. */
export async function askToConfirm(title: string, confirmLabel: string): Promise<boolean> {
  return (await ask({ title, confirmLabel })) !== null;
}
