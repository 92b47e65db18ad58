import { HANDOUT_SLIDES_PER_PAGE, type NotesMode, type PaperSize } from '../../shared/export/export-options';
import { MAX_IMAGE_DPI_LIMIT, type ExportApi, type ExportChoices, type ExportResult } from '../../shared/export/export-api';
import { slideRangeProblem } from '../../shared/export/slide-range';
import { loadRememberedChoices, loadRememberedFormat, rememberChoices, rememberFormat, type ExportFileFormat } from './remembered-choices';
import '../styles/modal-dialog.css';
import './export-dialog.css';
import { messageOf } from '../../shared/errors';
import { h } from '../dom';

export interface ExportDialogHost {
  api: ExportApi;
  /** How many slides the deck on disk has, for checking the range as it is typed. */
  slideCount(): Promise<number>;
  /** Runs before each export: the edit view saves, since the host exports what is on disk. */
  beforeExport?(): Promise<void>;
}

const FORMAT_LABELS: [ExportFileFormat, string][] = [
  ['pdf', 'PDF'],
  ['pptx', 'PowerPoint, text editable'],
  ['pptx-images', 'PowerPoint, one picture per slide'],
];
const TITLES: Record<ExportFileFormat, string> = { pdf: 'Export PDF', pptx: 'Export PowerPoint', 'pptx-images': 'Export PowerPoint' };

const NOTES_LABELS: [NotesMode, string][] = [
  ['none', 'None'],
  ['pages', 'A notes page after each slide'],
  ['handout', 'Handout: slides with their notes beside them'],
];
const PAPER_LABELS: [PaperSize, string][] = [
  ['a4', 'A4'],
  ['letter', 'Letter'],
];

/** One radio button of the group `name`, with the id `<name>-<value>`; `onChange` when it is picked. */
function radio(name: string, value: string, onChange: () => void): HTMLInputElement {
  return h('input', { type: 'radio', id: `${name}-${value}`, name, value, on: { change: onChange } });
}

/**
 * Export PDF…: the format (PDF, or PowerPoint as `--pptx` or `--pptx-images`) and the options of
 * `podium export` that shape the pages, in a modal <dialog> (Esc closes it, Enter exports),
 * remembered between exports. Shows the export's progress and then where the file went, with any
 * warnings, or why there is none.
 */
export class ExportDialog {
  private readonly formats = new Map<ExportFileFormat, HTMLInputElement>(
    FORMAT_LABELS.map(([format]) => [format, radio('podium-export-format', format, () => this.syncFormat())]),
  );
  private readonly title = h('h2', { id: 'podium-export-title' }, TITLES.pdf);
  private readonly rangeError = h('p', { id: 'podium-export-range-error', className: 'podium-export-field-error' });
  private readonly range = h('input', {
    type: 'text',
    id: 'podium-export-range',
    autocomplete: 'off',
    attrs: { 'aria-describedby': this.rangeError.id },
    on: { input: () => this.validate() },
  });
  private readonly fragments = h('input', { type: 'checkbox', id: 'podium-export-fragments' });
  private readonly notesField = h('fieldset', {});
  private readonly notes = new Map<NotesMode, HTMLInputElement>(
    NOTES_LABELS.map(([mode]) => [mode, radio('podium-export-notes', mode, () => this.syncHandout())]),
  );
  private readonly perPage = h(
    'select',
    { id: 'podium-export-per-page' },
    ...HANDOUT_SLIDES_PER_PAGE.map((count) => new Option(String(count), String(count))),
  );
  private readonly paper = h('select', { id: 'podium-export-paper' }, ...PAPER_LABELS.map(([size, text]) => new Option(text, size)));
  private readonly handout = h(
    'fieldset',
    {},
    h('legend', {}, 'Handout'),
    labelled(this.perPage, 'Slides per page'),
    labelled(this.paper, 'Paper'),
  );
  private readonly outline = h('input', { type: 'checkbox', id: 'podium-export-outline' });
  private readonly tags = h('input', { type: 'checkbox', id: 'podium-export-tags' });
  private readonly dpiError = h('p', { id: 'podium-export-dpi-error', className: 'podium-export-field-error' });
  private readonly maxImageDpi = h('input', {
    type: 'number',
    id: 'podium-export-dpi',
    min: '1',
    max: String(MAX_IMAGE_DPI_LIMIT),
    step: '1',
    placeholder: 'keep every pixel',
    attrs: { 'aria-describedby': this.dpiError.id },
    on: { input: () => this.validate() },
  });
  // Two columns, side by side on a short screen (export-dialog.css): what to export, then how the PDF is made.
  private readonly controls = h(
    'fieldset',
    { className: 'podium-export-controls' },
    h(
      'div',
      { className: 'podium-export-column' },
      h(
        'fieldset',
        {},
        h('legend', {}, 'Format'),
        ...FORMAT_LABELS.map(([format, text]) => labelled(this.formats.get(format) as HTMLInputElement, text)),
      ),
      labelled(this.range, 'Slides'),
      this.rangeError,
      labelled(this.fragments, 'One page per fragment step'),
      this.notesField,
    ),
    h(
      'div',
      { className: 'podium-export-column' },
      this.handout,
      labelled(this.outline, 'Bookmarks: one per segment, its slides nested'),
      labelled(this.tags, 'Tagged for screen readers: headings, lists, tables, alt text'),
      labelled(this.maxImageDpi, 'Largest image resolution (dpi)'),
      this.dpiError,
    ),
  );
  private readonly progress = h('progress', { max: 1, attrs: { 'aria-label': 'Export progress' } });
  private readonly status = h('p', { className: 'podium-export-status', attrs: { role: 'status' } });
  private readonly failure = h('pre', { className: 'podium-export-failure', attrs: { role: 'alert' } });
  private readonly warnings = h('pre', { className: 'podium-export-warnings' });
  private readonly closeButton = h(
    'button',
    {
      type: 'button',
      on: {
        click: () => {
          if (!this.busy) this.dialog.close();
        },
      },
    },
    'Close',
  );
  private readonly exportButton = h('button', { type: 'submit' }, 'Export');
  private readonly dialog = h(
    'dialog',
    {
      className: 'podium-modal podium-export',
      attrs: { 'aria-labelledby': 'podium-export-title' },
      on: {
        // Esc closes the dialog, except while an export runs: its result would have nowhere to go.
        cancel: (event) => {
          if (this.busy) event.preventDefault();
        },
        // Keys typed in the dialog are for the dialog, not for reveal.js's shortcuts behind it.
        keydown: (event) => event.stopPropagation(),
      },
    },
    h(
      'form',
      {
        on: {
          submit: (event: SubmitEvent) => {
            // The page's CSP allows no form action: the dialog handles the submit itself.
            event.preventDefault();
            void this.export();
          },
        },
      },
      this.title,
      // Scrolls on its own when a long refusal needs the room: the title and the buttons stay in sight.
      h('div', { className: 'podium-export-body' }, this.controls, this.progress, this.status, this.warnings, this.failure),
      h('div', { className: 'podium-modal-buttons podium-export-buttons' }, this.closeButton, this.exportButton),
    ),
  );
  private slides = 0;
  private busy = false;

  constructor(private readonly host: ExportDialogHost) {
    this.notesField.append(
      h('legend', {}, 'Speaker notes'),
      ...NOTES_LABELS.map(([mode, text]) => labelled(this.notes.get(mode) as HTMLInputElement, text)),
    );
    document.body.append(this.dialog);
    host.api.onExportProgress((fraction) => {
      this.progress.value = fraction;
    });
  }

  async open(): Promise<void> {
    if (!this.dialog.open) {
      this.show(loadRememberedChoices(), loadRememberedFormat());
      this.status.textContent = '';
      this.failure.hidden = true;
      this.warnings.hidden = true;
      this.progress.hidden = true;
      this.dialog.showModal();
    }
    this.slides = await this.host.slideCount().catch(() => 0);
    this.range.placeholder = `All ${this.slides} slides, or e.g. 1-5,8`;
    this.validate();
  }

  private show(choices: ExportChoices, format: ExportFileFormat): void {
    for (const [value, radio] of this.formats) radio.checked = value === format;
    this.range.value = choices.range ?? '';
    this.fragments.checked = choices.fragments;
    for (const [mode, radio] of this.notes) radio.checked = mode === choices.notes;
    this.perPage.value = String(choices.perPage);
    this.paper.value = choices.paper;
    this.outline.checked = choices.outline;
    this.tags.checked = choices.tags;
    this.maxImageDpi.value = choices.maxImageDpi === null ? '' : String(choices.maxImageDpi);
    this.syncFormat();
  }

  private format(): ExportFileFormat {
    return [...this.formats].find(([, radio]) => radio.checked)?.[0] ?? 'pdf';
  }

  /**
   * Notes pages, bookmarks, tags and image resolution only shape a PDF: a PPTX has each slide's
   * notes in its notes, and its own pictures.
   */
  private syncFormat(): void {
    const pdf = this.format() === 'pdf';
    this.title.textContent = TITLES[this.format()];
    this.notesField.disabled = !pdf;
    this.outline.disabled = !pdf;
    this.tags.disabled = !pdf;
    this.maxImageDpi.disabled = !pdf;
    this.syncHandout();
  }

  /** Paper and slides per page only shape handouts. */
  private syncHandout(): void {
    this.handout.disabled = this.format() !== 'pdf' || !this.notes.get('handout')?.checked;
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
      tags: this.tags.checked,
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
    const format = this.format();
    rememberChoices(choices);
    rememberFormat(format);
    this.setBusy(true);
    try {
      await this.host.beforeExport?.();
      const result =
        format === 'pdf' ? await this.host.api.exportPdf(choices) : await this.host.api.exportPptx({ choices, pictures: format === 'pptx-images' });
      this.status.textContent = result === null ? 'Not exported: no file was chosen.' : describeResult(result);
      this.warnings.textContent = result?.warnings?.join('\n') ?? '';
      this.warnings.hidden = !result?.warnings?.length;
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
      this.warnings.hidden = true;
    }
  }
}

/** A control with its <label>: the box before the text for checkboxes and radios, after it otherwise. */
function labelled(control: HTMLInputElement | HTMLSelectElement, text: string): HTMLLabelElement {
  const words = h('span', {}, text);
  const boxFirst = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  return h(
    'label',
    { htmlFor: control.id, className: boxFirst ? 'podium-export-check' : 'podium-export-field' },
    ...(boxFirst ? [control, words] : [words, control]),
  );
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

