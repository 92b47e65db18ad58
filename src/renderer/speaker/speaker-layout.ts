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
  blackButton: HTMLButtonElement;
  whiteboardButton: HTMLButtonElement;
  schedule: ScheduleView;
}

export function buildSpeakerLayout(): SpeakerLayout {
  const button = (className: string, text: string, title: string): HTMLButtonElement =>
    h('button', { type: 'button', className, title }, text);
  const revealBox = (className: string): HTMLElement => h('div', { className: `reveal ${className}` }, h('div', { className: 'slides' }));
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
    nextSlide: revealBox('speaker-next-slide'),
    notes: h('div', { className: 'speaker-notes-text' }),
    smallerNotesButton: button('speaker-notes-smaller', 'A−', 'Smaller notes (−)'),
    largerNotesButton: button('speaker-notes-larger', 'A+', 'Larger notes (+)'),
    previousButton: button('speaker-previous-button', '◀', 'Previous (←, PageUp)'),
    nextButton: button('speaker-next-button', '▶', 'Next (→, space, PageDown)'),
    screenBadge: h('span', { className: 'speaker-screen-badge', hidden: true, attrs: { role: 'status' } }),
    blackButton: button('speaker-black', 'Black', 'Black out the audience screen (B); again to show the slide'),
    whiteboardButton: button('speaker-whiteboard', 'Whiteboard', 'Show the audience a blank white screen (W); again to show the slide'),
    schedule: createScheduleView(),
  };

  layout.root.append(
    h(
      'header',
      { className: 'speaker-bar' },
      h('div', { className: 'speaker-timer' }, layout.elapsed, layout.pauseButton, layout.resetButton, layout.rehearseButton),
      layout.schedule.status,
      h(
        'div',
        { className: 'speaker-navigation' },
        layout.previousButton,
        layout.position,
        layout.nextButton,
        layout.blackButton,
        layout.whiteboardButton,
      ),
      layout.wallClock,
    ),
    h('section', { className: 'speaker-current' }, label('Now'), layout.screenBadge, slideFrame(layout.currentSlide)),
    h('section', { className: 'speaker-next' }, layout.nextLabel, slideFrame(layout.nextSlide)),
    h(
      'section',
      { className: 'speaker-notes' },
      h('header', { className: 'speaker-notes-header' }, label('Notes'), layout.smallerNotesButton, layout.largerNotesButton),
      layout.notes,
    ),
    h('section', { className: 'speaker-schedule' }, label('Segments'), layout.schedule.table),
  );
  return layout;
}

/** The room a preview has; the preview takes the largest box of the deck's shape that fits it (speaker.css). */
function slideFrame(preview: HTMLElement): HTMLElement {
  return h('div', { className: 'speaker-slide-frame' }, preview);
}
