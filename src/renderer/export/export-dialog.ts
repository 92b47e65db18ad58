import { HANDOUT_SLIDES_PER_PAGE, type NotesMode, type PaperSize } from '../../shared/export/export-options';
import { MAX_IMAGE_DPI_LIMIT, type ExportApi, type ExportChoices, type ExportResult } from '../../shared/export/export-api';
import { slideRangeProblem } from '../../shared/export/slide-range';
import { loadRememberedChoices, rememberChoices } from './remembered-choices';
import '../styles/modal-dialog.css';
import './export-dialog.css';
import { messageOf } from '../../shared/errors';

export interface ExportDialogHost {
  api: ExportApi;
  /** How many slides the deck on disk has, for checking the range as it is typed. */
  slideCount(): Promise<number>;
  /** Runs before each export: the edit view saves, since the host exports what is on disk. */
  beforeExport?(): Promise<void>;
}

const NOTES_LABELS: [NotesMode, string][] = [
  ['none', 'None'],
  ['pages', 'A notes page after each slide'],
  ['handout', 'Handout: slides with their notes beside them'],
];
const PAPER_LABELS: [PaperSize, string][] = [
  ['a4', 'A4'],
  ['letter', 'Letter'],
];

/**
 * Export PDF…: the options of `podium export` that shape the pages, in a modal <dialog> (Esc
 * closes it, Enter exports), remembered between exports. Shows the export's progress and then
 * where the PDF went, or why there is none.
 */
export class ExportDialog {
  private readonly dialog = document.createElement('dialog');
  private readonly form = document.createElement('form');
  private readonly controls = document.createElement('fieldset');
  private readonly range = input('text', 'podium-export-range');
  private readonly rangeError = document.createElement('p');
  private readonly fragments = input('checkbox', 'podium-export-fragments');
  private readonly notes = new Map<NotesMode, HTMLInputElement>();
  private readonly handout = document.createElement('fieldset');
  private readonly perPage = document.createElement('select');
  private readonly paper = document.createElement('select');
  private readonly outline = input('checkbox', 'podium-export-outline');
  private readonly maxImageDpi = input('number', 'podium-export-dpi');
  private readonly dpiError = document.createElement('p');
  private readonly progress = document.createElement('progress');
  private readonly status = document.createElement('p');
  private readonly failure = document.createElement('pre');
  private readonly exportButton = document.createElement('button');
  private readonly closeButton = document.createElement('button');
  private slides = 0;
  private busy = false;

  constructor(private readonly host: ExportDialogHost) {
    this.build();
    host.api.onExportProgress((fraction) => {
      this.progress.value = fraction;
    });
  }

  async open(): Promise<void> {
    if (!this.dialog.open) {
      this.show(loadRememberedChoices());
      this.status.textContent = '';
      this.failure.hidden = true;
      this.progress.hidden = true;
      this.dialog.showModal();
    }
    this.slides = await this.host.slideCount().catch(() => 0);
    this.range.placeholder = `All ${this.slides} slides, or e.g. 1-5,8`;
    this.validate();
  }

  private build(): void {
    this.dialog.className = 'podium-modal podium-export';
    this.dialog.setAttribute('aria-labelledby', 'podium-export-title');
    const title = document.createElement('h2');
    title.id = 'podium-export-title';
    title.textContent = 'Export PDF';

    this.rangeError.id = 'podium-export-range-error';
    this.rangeError.className = 'podium-export-field-error';
    this.range.setAttribute('aria-describedby', this.rangeError.id);
    this.range.autocomplete = 'off';
    this.range.addEventListener('input', () => this.validate());

    const notes = document.createElement('fieldset');
    notes.append(legend('Speaker notes'));
    for (const [mode, text] of NOTES_LABELS) {
      const radio = input('radio', `podium-export-notes-${mode}`);
      radio.name = 'podium-export-notes';
      radio.value = mode;
      radio.addEventListener('change', () => this.syncHandout());
      this.notes.set(mode, radio);
      notes.append(labelled(radio, text));
    }

    this.handout.append(legend('Handout'));
    this.perPage.id = 'podium-export-per-page';
    for (const count of HANDOUT_SLIDES_PER_PAGE) this.perPage.append(new Option(String(count), String(count)));
    this.paper.id = 'podium-export-paper';
    for (const [size, text] of PAPER_LABELS) this.paper.append(new Option(text, size));
    this.handout.append(labelled(this.perPage, 'Slides per page'), labelled(this.paper, 'Paper'));

    this.maxImageDpi.min = '1';
    this.maxImageDpi.max = String(MAX_IMAGE_DPI_LIMIT);
    this.maxImageDpi.step = '1';
    this.maxImageDpi.placeholder = 'keep every pixel';
    this.dpiError.id = 'podium-export-dpi-error';
    this.dpiError.className = 'podium-export-field-error';
    this.maxImageDpi.setAttribute('aria-describedby', this.dpiError.id);
    this.maxImageDpi.addEventListener('input', () => this.validate());

    this.controls.className = 'podium-export-controls';
    this.controls.append(
      labelled(this.range, 'Slides'),
      this.rangeError,
      labelled(this.fragments, 'One page per fragment step'),
      notes,
      this.handout,
      labelled(this.outline, 'Bookmarks: one per segment, its slides nested'),
      labelled(this.maxImageDpi, 'Largest image resolution (dpi)'),
      this.dpiError,
    );

    this.progress.max = 1;
    this.progress.setAttribute('aria-label', 'Export progress');
    this.status.className = 'podium-export-status';
    this.status.setAttribute('role', 'status');
    this.failure.className = 'podium-export-failure';
    this.failure.setAttribute('role', 'alert');

    this.closeButton.type = 'button';
    this.closeButton.textContent = 'Close';
    this.closeButton.addEventListener('click', () => {
      if (!this.busy) this.dialog.close();
    });
    this.exportButton.type = 'submit';
    this.exportButton.textContent = 'Export';
    const buttons = document.createElement('div');
    buttons.className = 'podium-modal-buttons podium-export-buttons';
    buttons.append(this.closeButton, this.exportButton);

    this.form.append(title, this.controls, this.progress, this.status, this.failure, buttons);
    this.form.addEventListener('submit', (event) => {
      // The page's CSP allows no form action: the dialog handles the submit itself.
      event.preventDefault();
      void this.export();
    });
    // Esc closes the dialog, except while an export runs: its result would have nowhere to go.
    this.dialog.addEventListener('cancel', (event) => {
      if (this.busy) event.preventDefault();
    });
    // Keys typed in the dialog are for the dialog, not for reveal.js's shortcuts behind it.
    this.dialog.addEventListener('keydown', (event) => event.stopPropagation());
    this.dialog.append(this.form);
    document.body.append(this.dialog);
  }

  private show(choices: ExportChoices): void {
    this.range.value = choices.range ?? '';
    this.fragments.checked = choices.fragments;
    for (const [mode, radio] of this.notes) radio.checked = mode === choices.notes;
    this.perPage.value = String(choices.perPage);
    this.paper.value = choices.paper;
    this.outline.checked = choices.outline;
    this.maxImageDpi.value = choices.maxImageDpi === null ? '' : String(choices.maxImageDpi);
    this.syncHandout();
  }

  /** Paper and slides per page only shape handouts. */
  private syncHandout(): void {
    this.handout.disabled = !this.notes.get('handout')?.checked;
  }

  /** Checks the range (with `--range`'s own parser) and the dpi, showing what is wrong beside them. */
  private validate(): boolean {
    const range = this.range.value.trim();
    const rangeProblem = range !== '' && this.slides > 0 ? (slideRangeProblem(range, this.slides) ?? '') : '';
    const dpi = this.maxImageDpi.value.trim();
    const dpiNumber = Number(dpi);
    const dpiProblem =
      dpi === '' || (Number.isInteger(dpiNumber) && dpiNumber >= 1 && dpiNumber <= MAX_IMAGE_DPI_LIMIT)
        ? ''
        : `a whole number from 1 to ${MAX_IMAGE_DPI_LIMIT}, or empty to keep every pixel`;
    showProblem(this.range, this.rangeError, rangeProblem);
    showProblem(this.maxImageDpi, this.dpiError, dpiProblem);
    return rangeProblem === '' && dpiProblem === '';
  }

  private choices(): ExportChoices {
    const range = this.range.value.trim();
    const dpi = this.maxImageDpi.value.trim();
    return {
      range: range === '' ? null : range,
      fragments: this.fragments.checked,
      notes: [...this.notes].find(([, radio]) => radio.checked)?.[0] ?? 'none',
      perPage: Number(this.perPage.value) as ExportChoices['perPage'],
      paper: this.paper.value as PaperSize,
      outline: this.outline.checked,
      maxImageDpi: dpi === '' ? null : Number(dpi),
    };
  }

  private async export(): Promise<void> {
    if (this.busy) return;
    if (!this.validate()) {
      (this.range.getAttribute('aria-invalid') === 'true' ? this.range : this.maxImageDpi).focus();
      return;
    }
    const choices = this.choices();
    rememberChoices(choices);
    this.setBusy(true);
    try {
      await this.host.beforeExport?.();
      const result = await this.host.api.exportPdf(choices);
      this.status.textContent = result === null ? 'Not exported: no file was chosen.' : describeResult(result);
    } catch (error) {
      this.status.textContent = 'Not exported.';
      this.failure.textContent = messageOf(error);
      this.failure.hidden = false;
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.controls.disabled = busy;
    this.exportButton.disabled = busy;
    this.closeButton.disabled = busy;
    this.dialog.setAttribute('aria-busy', String(busy));
    this.progress.hidden = !busy;
    if (busy) {
      // Indeterminate until the host reports a step (serve mode never does: one response).
      this.progress.removeAttribute('value');
      this.status.textContent = 'Exporting…';
      this.failure.hidden = true;
    }
  }
}

function input(type: string, id: string): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  element.id = id;
  return element;
}

function legend(text: string): HTMLLegendElement {
  const element = document.createElement('legend');
  element.textContent = text;
  return element;
}

/** A control with its <label>: the box before the text for checkboxes and radios, after it otherwise. */
function labelled(control: HTMLInputElement | HTMLSelectElement, text: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.htmlFor = control.id;
  const words = document.createElement('span');
  words.textContent = text;
  const boxFirst = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  label.className = boxFirst ? 'podium-export-check' : 'podium-export-field';
  label.append(...(boxFirst ? [control, words] : [words, control]));
  return label;
}

function showProblem(control: HTMLInputElement, message: HTMLElement, problem: string): void {
  message.textContent = problem;
  message.hidden = problem === '';
  control.setAttribute('aria-invalid', String(problem !== ''));
}

function describeResult(result: ExportResult): string {
  const size = result.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(result.bytes / 1024))} KiB` : `${(result.bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `Exported ${result.path} (${size}).`;
}

