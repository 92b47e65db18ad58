import type { Problem } from '../../shared/deck/model';
import { h } from '../dom';

/**
 * Under the editor: the deck's problems as `podium check` names them (file, line, severity),
 * updated as the text is typed. Choosing one opens its file at its line.
 */
export class ProblemList {
  private readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLUListElement;
  private shown = '';

  constructor(parent: HTMLElement, private readonly onChoose: (problem: Problem) => void) {
    this.summary = h('p', { className: 'podium-problems-summary', attrs: { role: 'status' } });
    this.list = h('ul');
    this.element = h('section', { className: 'podium-problems', attrs: { 'aria-label': 'Problems' } }, this.summary, this.list);
    parent.append(this.element);
  }

  /** The toolbar's Problems button hides the list (its count stays on the button) and shows it again. */
  setVisible(visible: boolean): void {
    this.element.hidden = !visible;
  }

  render(problems: readonly Problem[]): void {
    const key = JSON.stringify(problems);
    if (key === this.shown) return;
    this.shown = key;
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    const summary =
      problems.length === 0 ? 'No problems' : `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    this.element.dataset.state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'clean';
    this.list.replaceChildren(
      ...problems.map((problem) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', dataset: { severity: problem.severity }, on: { click: () => this.onChoose(problem) } },
            h('span', { className: 'podium-problem-place' }, `${problem.file}:${problem.line}`),
            ` ${problem.severity}: ${problem.message}`,
          ),
        ),
      ),
    );
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
