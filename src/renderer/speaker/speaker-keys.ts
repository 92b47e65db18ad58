import type { KeyHelpLine } from '../present/presentation-keys';

export type SpeakerAction = 'next' | 'previous' | 'larger' | 'smaller' | 'black' | 'white' | 'help';

/**
 * The speaker view's own keys (`KeyboardEvent.key` values, letters in either case), each with its
 * line in the view's `?` help: the presentation's navigation keys, clickers' PageUp/PageDown
 * included, B/. and W for what the audience sees, +/− for the notes. The drawing keys and the
 * remote's R come from their own tables.
 */
const SPEAKER_KEYS: readonly { keys: readonly string[]; action: SpeakerAction; help: KeyHelpLine }[] = [
  { keys: ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n'], action: 'next', help: { keys: '→  ,  ↓  ,  SPACE  ,  PAGE DOWN  ,  N', action: 'Next (fragment or slide)' } },
  { keys: ['ArrowLeft', 'ArrowUp', 'Shift+ ', 'PageUp', 'p'], action: 'previous', help: { keys: '←  ,  ↑  ,  Shift SPACE  ,  PAGE UP  ,  P', action: 'Previous' } },
  { keys: ['b', '.'], action: 'black', help: { keys: 'B  ,  .', action: 'Black out the audience screen (again to show the slide)' } },
  { keys: ['w'], action: 'white', help: { keys: 'W', action: 'Whiteboard on the audience screen, to draw on (again to show the slide)' } },
  { keys: ['+', '='], action: 'larger', help: { keys: '+  ,  =', action: 'Larger notes' } },
  { keys: ['-'], action: 'smaller', help: { keys: '-', action: 'Smaller notes' } },
  { keys: ['?'], action: 'help', help: { keys: '?', action: 'Show or hide this help' } },
];

export const SPEAKER_KEY_LINES: readonly KeyHelpLine[] = SPEAKER_KEYS.map(({ help }) => help);

export function speakerActionOf(event: KeyboardEvent): SpeakerAction | null {
  // Shift with a named key (an arrow, PageDown) is the presentation's jump to the first or last slide, not a step.
  if (event.shiftKey && event.key.length > 1) return null;
  const key = event.key === ' ' && event.shiftKey ? 'Shift+ ' : event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SPEAKER_KEYS.find(({ keys }) => keys.includes(key))?.action ?? null;
}
