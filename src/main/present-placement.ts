/** A rectangle in screen coordinates, as Electron's `Rectangle`. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What placement needs of Electron's `Display`. */
export interface DisplayInfo {
  id: number;
  bounds: ScreenRect;
  /** The area without the menu bar, dock or taskbar. */
  workArea: ScreenRect;
  /** True for a laptop's built-in panel, when the system knows. */
  internal?: boolean;
}

export interface WindowPlacement {
  displayId: number;
  bounds: ScreenRect;
  fullscreen: boolean;
}

export interface PresentPlacement {
  audience: WindowPlacement;
  /** null: no speaker view (one display, and the presenter has not asked for one). */
  speaker: WindowPlacement | null;
}

export interface PlacementRequest {
  displays: readonly DisplayInfo[];
  primaryDisplayId: number;
  /** The presenter swapped the screens: audience on the primary, speaker view on the other. */
  swapped: boolean;
  /** The speaker view is open or was asked for; with two displays it always opens. */
  speakerViewWanted: boolean;
  /** View ▸ Present on This Display: the audience's display, chosen by the person, while it exists. */
  audienceDisplayId?: number | null;
}

/**
 * Where the windows of a presentation go. With two displays or more, the audience gets the external
 * screen (fullscreen) and the speaker view the presenter's own (the primary, usually the laptop),
 * unless swapped. A display the person chose for the audience wins over that guess, and the speaker
 * view then takes the primary, or the external screen when the chosen one is the primary. With one
 * display, the deck is fullscreen on it and the speaker view, if wanted, is a window on the same
 * display. When a display goes away mid-talk, placing again with the displays that remain brings
 * every window back to one that exists.
 */
export function placePresentWindows(request: PlacementRequest): PresentPlacement {
  const { displays } = request;
  const primary = displays.find((display) => display.id === request.primaryDisplayId) ?? displays[0];
  if (!primary) throw new Error('there is no display to present on');
  const external = pickExternal(displays, primary);
  const chosen = displays.find((display) => display.id === request.audienceDisplayId);
  const audienceGuess = chosen ?? external ?? primary;
  const speakerGuess = audienceGuess.id === primary.id ? (external ?? primary) : primary;

  if (audienceGuess.id === speakerGuess.id) {
    return {
      audience: fullscreenOn(primary),
      speaker: request.speakerViewWanted ? windowedOn(primary) : null,
    };
  }
  const [audienceDisplay, speakerDisplay] = request.swapped ? [speakerGuess, audienceGuess] : [audienceGuess, speakerGuess];
  return { audience: fullscreenOn(audienceDisplay), speaker: windowedOn(speakerDisplay) };
}

/** The audience's screen: a display other than the primary, preferring one that is not built in. */
function pickExternal(displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo | null {
  const others = displays.filter((display) => display.id !== primary.id);
  return others.find((display) => display.internal !== true) ?? others[0] ?? null;
}

function fullscreenOn(display: DisplayInfo): WindowPlacement {
  return { displayId: display.id, bounds: { ...display.bounds }, fullscreen: true };
}

/** The whole work area: the speaker view is read at a glance, but the taskbar stays reachable. */
function windowedOn(display: DisplayInfo): WindowPlacement {
  return { displayId: display.id, bounds: { ...display.workArea }, fullscreen: false };
}
