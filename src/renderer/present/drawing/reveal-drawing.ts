import type { RevealApi } from 'reveal.js';
import type { DeckApi } from '../../../shared/api';
import { presenterStateOf } from '../../../shared/present/presenter-state';
import type { AudienceScreenControl } from '../audience-screen';
import { DRAWING_KEYS, DrawingSession } from './drawing-session';

/**
 * Drawings over a reveal.js deck on stage (the presentation, a follower): the overlay inside its
 * slides, following its slide, fragment and whiteboard; where it `drives`, the drawing keys too,
 * each with its line in reveal.js's `?` help.
 */
export function drawOnReveal(reveal: RevealApi, api: DeckApi, screen: AudienceScreenControl, options: { drives: boolean }): () => void {
  const session = new DrawingSession(api, options);
  const config = reveal.getConfig();
  session.attach(reveal.getSlidesElement() as HTMLElement, { width: Number(config.width), height: Number(config.height) }, options.drives ? { laserWhileHeld: false } : null);
  const follow = (): void => session.show(presenterStateOf(reveal.getIndices(), screen.screen));
  const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;
  for (const event of events) reveal.on(event, follow);
  const unwatchScreen = screen.onChange(follow);
  follow();
  if (options.drives) {
    for (const binding of DRAWING_KEYS) {
      const act = (): void => void session.act(binding.action);
      if (binding.description) reveal.addKeyBinding({ keyCode: binding.keyCode, key: binding.key, description: binding.description }, act);
      else reveal.addKeyBinding(binding.keyCode, act);
    }
  }
  return () => {
    if (options.drives) for (const binding of DRAWING_KEYS) reveal.removeKeyBinding(binding.keyCode);
    for (const event of events) reveal.off(event, follow);
    unwatchScreen();
    session.destroy();
  };
}
