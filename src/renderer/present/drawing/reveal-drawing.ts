import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../../shared/api';
import { presenterStateOf } from '../../../shared/present/presenter-state';
import type { AudienceScreenControl } from '../audience-screen';
import { DRAWING_KEYS, DrawingSession } from './drawing-session';
import type { PresentationKeys } from '../presentation-keys';

/**
 * Drawings over a reveal.js deck on stage (the presentation, a follower): the overlay inside its
 * slides, following its slide, fragment and whiteboard; where it `drives`, the drawing keys too,
 * each with its line in reveal.js's `?` help.
 */
export function drawOnReveal(
  reveal: RevealApi,
  api: DeckApi,
  screen: AudienceScreenControl,
  options: { drives: false } | { drives: true; keys: PresentationKeys },
): () => void {
  const session = new DrawingSession(api, { drives: options.drives });
  const config = reveal.getConfig();
  session.attach(reveal.getSlidesElement() as HTMLElement, { width: Number(config.width), height: Number(config.height) }, options.drives ? { laserWhileHeld: false } : null);
  const follow = (): void => session.show(presenterStateOf(reveal.getIndices(), screen.screen));
  const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;
  for (const event of events) reveal.on(event, follow);
  const unwatchScreen = screen.onChange(follow);
  follow();
  if (options.drives) {
    for (const binding of DRAWING_KEYS) {
      const line = binding.description ? { keys: binding.helpKeys ?? binding.key, action: binding.description } : null;
      options.keys.bind(binding.keyCode, line, () => void session.act(binding.action));
    }
  }
  return () => {
    for (const event of events) reveal.off(event, follow);
    unwatchScreen();
    session.destroy();
  };
}
