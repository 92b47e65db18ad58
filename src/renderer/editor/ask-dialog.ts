import '../styles/modal-dialog.css';
import './ask-dialog.css';

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
  const dialog = document.createElement('dialog');
  dialog.className = 'podium-modal podium-ask';
  dialog.setAttribute('aria-labelledby', id);
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.id = id;
  heading.textContent = options.title;
  form.append(heading);
  let input: HTMLInputElement | null = null;
  if (options.initialText !== undefined) {
    input = document.createElement('input');
    input.type = 'text';
    input.value = options.initialText;
    input.setAttribute('aria-labelledby', id);
    form.append(input);
  }
  const buttons = document.createElement('div');
  buttons.className = 'podium-modal-buttons podium-ask-buttons';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  const confirm = document.createElement('button');
  confirm.type = 'submit';
  confirm.className = 'podium-ask-confirm';
  confirm.textContent = options.confirmLabel;
  buttons.append(cancel, confirm);
  form.append(buttons);
  dialog.append(form);
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
