import { h } from '../dom';
import { createScheduleView, type ScheduleView } from './schedule-panel';

/** The speaker view's elements, built once; SpeakerView fills them in. */
export interface SpeakerLayout {
  root: HTMLElement;
  elapsed: HTMLElement;
  pauseButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  /** Starts a rehearsal run, and stops and saves it. */
  rehearseButton: HTMLButtonElement;
  wallClock: HTMLElement;
  position: HTMLElement;
  currentSlide: HTMLElement;
  nextLabel: HTMLElement;
  nextSlide: HTMLElement;
  notes: HTMLElement;
  smallerNotesButton: HTMLButtonElement;
  largerNotesButton: HTMLButtonElement;
  previousButton: HTMLButtonElement;
  nextButton: HTMLButtonElement;
  /** Says what the audience sees when it is not the slide: a black screen or the whiteboard. */
  screenBadge: HTMLElement;
  /** Beside NOW's label: what the presenter must know about the slide shown (its segment over time). */
  nowBadges: HTMLElement;
  /** The left column, under the bar: NOW, its drawing tools and the segments. */
  mainColumn: HTMLElement;
  blackButton: HTMLButtonElement;
  whiteboardButton: HTMLButtonElement;
  schedule: ScheduleView;
}

export function buildSpeakerLayout(): SpeakerLayout {
  // `name` is what a screen reader says for a button whose text is a symbol (◀, A+); it starts
  // with the text shown, so that a voice command saying what is seen still finds it.
  const button = (className: string, text: string, title: string, name?: string): HTMLButtonElement =>
    h('button', { type: 'button', className, title, attrs: { 'aria-label': name } }, text);
  const revealBox = (className: string, inert = false): HTMLElement => h('div', { className: `reveal ${className}`, inert }, h('div', { className: 'slides' }));
  const label = (text: string): HTMLElement => h('h2', { className: 'speaker-label' }, text);

  const layout: SpeakerLayout = {
    root: h('div', { className: 'podium-speaker' }),
    elapsed: h('span', { className: 'speaker-elapsed' }, '0:00'),
    pauseButton: button('speaker-pause', 'Pause', 'Pause or resume the timer'),
    resetButton: button('speaker-reset', 'Reset', 'Reset the timer and the time spent per segment'),
    rehearseButton: button('speaker-rehearse', 'Rehearse', 'Record the time spent on each slide, saved beside the deck'),
    wallClock: h('span', { className: 'speaker-wall-clock' }),
    position: h('span', { className: 'speaker-position' }),
    currentSlide: revealBox('speaker-current-slide'),
    nextLabel: h('h2', { className: 'speaker-next-label' }, 'Next'),
    // Wholly inert: its reveal.js steps ahead and back to find "next", which its live region
    // would otherwise announce each time. The current slide's own region says where the talk is.
    nextSlide: revealBox('speaker-next-slide', true),
    // Focusable, so that long notes scroll from the keyboard (arrows, PageDown once it has focus).
    notes: h('div', { className: 'speaker-notes-text', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Speaker notes' } }),
    smallerNotesButton: button('speaker-notes-smaller', 'A−', 'Smaller notes (−)', 'A− smaller notes'),
    largerNotesButton: button('speaker-notes-larger', 'A+', 'Larger notes (+)', 'A+ larger notes'),
    previousButton: button('speaker-previous-button', '◀', 'Previous (←, PageUp)', 'Previous'),
    nextButton: button('speaker-next-button', '▶', 'Next (→, space, PageDown)', 'Next'),
    screenBadge: h('span', { className: 'speaker-screen-badge', hidden: true, attrs: { role: 'status' } }),
    nowBadges: h('span', { className: 'speaker-now-badges' }),
    mainColumn: h('div', { className: 'speaker-column speaker-main-column' }),
    blackButton: button('speaker-black', 'Black', 'Black out the audience screen (B); again to show the slide'),
    whiteboardButton: button('speaker-whiteboard', 'Whiteboard', 'Show the audience a blank white screen (W); again to show the slide'),
    schedule: createScheduleView(),
  };

  // Two columns under one bar, as Keynote's and PowerPoint's presenter displays: NOW as wide as
  // the larger column, NEXT as wide as the other, each as tall as its width makes it; the notes
  // and the segments take the height left under them, so no row is sized for the other column.
  const header = (...children: (HTMLElement | string)[]): HTMLElement => h('header', { className: 'speaker-section-header' }, ...children);
  layout.mainColumn.append(
    h(
      'section',
      { className: 'speaker-current' },
      header(
        label('Now'),
        layout.screenBadge,
        layout.nowBadges,
        // What the audience sees goes with the slide they see: the bar keeps to one row at 1280 px.
        h('span', { className: 'speaker-screen-buttons' }, layout.blackButton, layout.whiteboardButton),
      ),
      slideFrame(layout.currentSlide),
    ),
    // Scrolls when the talk has many segments: focusable, like the notes, for the keyboard.
    h('section', { className: 'speaker-schedule', attrs: { tabindex: '0', 'aria-label': 'Segments' } }, label('Segments'), layout.schedule.table),
  );
  layout.root.append(
    h(
      'header',
      { className: 'speaker-bar' },
      h('div', { className: 'speaker-timer' }, layout.elapsed, layout.pauseButton, layout.resetButton, layout.rehearseButton),
      layout.schedule.status,
      h('div', { className: 'speaker-navigation' }, layout.previousButton, layout.position, layout.nextButton),
      layout.wallClock,
    ),
    layout.mainColumn,
    h(
      'div',
      { className: 'speaker-column speaker-side-column' },
      h('section', { className: 'speaker-next' }, header(layout.nextLabel), slideFrame(layout.nextSlide)),
      h(
        'section',
        { className: 'speaker-notes' },
        header(label('Notes'), layout.smallerNotesButton, layout.largerNotesButton),
        layout.notes,
      ),
    ),
  );
  return layout;
}

/** The room a preview has; the preview takes the largest box of the deck's shape that fits it (speaker.css). */
function slideFrame(preview: HTMLElement): HTMLElement {
  return h('div', { className: 'speaker-slide-frame' }, preview);
}
