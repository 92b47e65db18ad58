import type { KeyHelpLine } from '../present/presentation-keys';
import { h } from '../dom';
import './key-help-panel.css';

/**
 * The speaker view's `?` help: every key the view takes, one line each, over the view until `?`
 * again or Esc. It is not modal: the keys keep working behind it, so a presenter can try one.
 */
export class KeyHelpPanel {
  readonly element: HTMLElement;

  constructor(lines: readonly KeyHelpLine[]) {
    this.element = h(
      'div',
      { className: 'speaker-key-help', hidden: true, attrs: { role: 'dialog', 'aria-label': 'Keyboard shortcuts' } },
      h('h2', {}, 'Keyboard shortcuts'),
      h(
        'table',
        {},
        h('tr', {}, h('th', {}, 'Key'), h('th', {}, 'Action')),
        ...lines.map((line) => h('tr', {}, h('td', { className: 'speaker-key-help-keys' }, line.keys), h('td', {}, line.action))),
      ),
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = !this.element.hidden;
  }

  close(): void {
    this.element.hidden = true;
  }
}
