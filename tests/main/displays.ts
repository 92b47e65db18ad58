import type { DisplayInfo } from '../../src/main/present-placement';

/** A laptop's built-in screen, with a menu bar at the top of its work area. */
export const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
  internal: true,
};

/** A 1080p projector to the laptop's right. */
export const projector: DisplayInfo = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1440, y: 0, width: 1920, height: 1080 },
  internal: false,
};
