import { dialog } from 'electron';

export interface DisplayServerFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The switches Electron was started with (process.argv). */
  argv: readonly string[];
}

/**
 * True where the app cannot place its windows: Electron running as a native Wayland client, its
 * default in a Wayland session on Linux since Electron 38 (it follows XDG_SESSION_TYPE:
 * electron/electron#48301). Wayland gives clients no global coordinates: getBounds answers x 0,
 * y 0 and setBounds cannot move a window (Electron's BrowserWindow docs, getBounds).
 * `--ozone-platform=x11` runs the app under XWayland, where placement works again.
 */
export function windowPlacementForbidden({ platform, env, argv }: DisplayServerFacts): boolean {
  if (platform !== 'linux') return false;
  const ozonePlatform = switchValue(argv, 'ozone-platform') ?? switchValue(argv, 'ozone-platform-hint');
  if (ozonePlatform === 'x11') return false;
  if (ozonePlatform === 'wayland') return true;
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

function switchValue(argv: readonly string[], name: string): string | null {
  const prefix = `--${name}=`;
  const found = argv.findLast((argument) => argument.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

const WAYLAND_PLACEMENT_NOTICE = {
  message: 'Drag the deck window to the audience’s display',
  detail:
    'On Wayland the system, not Podium, decides where windows go, so each window presents on the display it is on. ' +
    'Stop presenting (F5), drag the deck window to the audience’s display and choose View ▸ Present on This Display; ' +
    'drag the speaker view to yours.',
} as const;

/** Said once per run, without blocking the presentation that goes on behind it. */
export function explainWaylandPlacement(): void {
  void dialog.showMessageBox({ type: 'info', buttons: ['OK'], ...WAYLAND_PLACEMENT_NOTICE });
}
