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

export function buildSpeakerLayout(document: Document): SpeakerLayout {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] => {
    const element = document.createElement(tag);
    element.className = className;
    if (text) element.textContent = text;
    return element;
  };
  const button = (className: string, text: string, title: string): HTMLButtonElement => {
    const element = make('button', className, text);
    element.type = 'button';
    element.title = title;
    return element;
  };
  const revealBox = (className: string): HTMLElement => {
    const box = make('div', `reveal ${className}`);
    box.append(make('div', 'slides'));
    return box;
  };

  const layout: SpeakerLayout = {
    root: make('div', 'podium-speaker'),
    elapsed: make('span', 'speaker-elapsed', '0:00'),
    pauseButton: button('speaker-pause', 'Pause', 'Pause or resume the timer'),
    resetButton: button('speaker-reset', 'Reset', 'Reset the timer and the time spent per segment'),
    rehearseButton: button('speaker-rehearse', 'Rehearse', 'Record the time spent on each slide, saved beside the deck'),
    wallClock: make('span', 'speaker-wall-clock'),
    position: make('span', 'speaker-position'),
    currentSlide: revealBox('speaker-current-slide'),
    nextLabel: make('h2', 'speaker-next-label', 'Next'),
    nextSlide: revealBox('speaker-next-slide'),
    notes: make('div', 'speaker-notes-text'),
    smallerNotesButton: button('speaker-notes-smaller', 'A−', 'Smaller notes (−)'),
    largerNotesButton: button('speaker-notes-larger', 'A+', 'Larger notes (+)'),
    previousButton: button('speaker-previous-button', '◀', 'Previous (←, PageUp)'),
    nextButton: button('speaker-next-button', '▶', 'Next (→, space, PageDown)'),
    screenBadge: make('span', 'speaker-screen-badge'),
    blackButton: button('speaker-black', 'Black', 'Black out the audience screen (B); again to show the slide'),
    whiteboardButton: button('speaker-whiteboard', 'Whiteboard', 'Show the audience a blank white screen (W); again to show the slide'),
    schedule: createScheduleView(document),
  };

  const bar = make('header', 'speaker-bar');
  const timer = make('div', 'speaker-timer');
  timer.append(layout.elapsed, layout.pauseButton, layout.resetButton, layout.rehearseButton);
  const navigation = make('div', 'speaker-navigation');
  navigation.append(layout.previousButton, layout.position, layout.nextButton, layout.blackButton, layout.whiteboardButton);
  bar.append(timer, layout.schedule.status, navigation, layout.wallClock);

  const current = make('section', 'speaker-current');
  layout.screenBadge.setAttribute('role', 'status');
  layout.screenBadge.hidden = true;
  current.append(make('h2', 'speaker-label', 'Now'), layout.screenBadge, layout.currentSlide);
  const next = make('section', 'speaker-next');
  next.append(layout.nextLabel, layout.nextSlide);
  const notes = make('section', 'speaker-notes');
  const notesHeader = make('header', 'speaker-notes-header');
  notesHeader.append(make('h2', 'speaker-label', 'Notes'), layout.smallerNotesButton, layout.largerNotesButton);
  notes.append(notesHeader, layout.notes);
  const segments = make('section', 'speaker-schedule');
  segments.append(make('h2', 'speaker-label', 'Segments'), layout.schedule.table);

  layout.root.append(bar, current, next, notes, segments);
  return layout;
}
